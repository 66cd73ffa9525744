package dev.deskassist.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of core's tests (surefire sets {@code slf4j.provider} to {@link Provider}):
 * slf4j-simple prints as before, and while a test {@linkplain #start() captures}, every line of
 * every level is also kept with the MDC it was logged under, so a test can check what a log line
 * carries, not only what the code meant to set.
 */
public final class CapturedLogs {

    /** One line as logged: level, logger, formatted message, thread and the MDC at that moment. */
    public record Line(Level level, String logger, String message, String thread, Map<String, String> mdc) {
    }

    private static final List<Line> LINES = new CopyOnWriteArrayList<>();
    private static volatile boolean capturing;

    private CapturedLogs() {
    }

    /** True when this binding is the one SLF4J uses (a test can then rely on captures). */
    public static boolean active() {
        return org.slf4j.LoggerFactory.getILoggerFactory() instanceof Factory;
    }

    public static void start() {
        LINES.clear();
        capturing = true;
    }

    /** Stops capturing and returns the lines captured since {@link #start()}. */
    public static List<Line> stop() {
        capturing = false;
        return new ArrayList<>(LINES);
    }

    /**
     * Delegates to slf4j-simple and adds the capture. slf4j-simple's own MDC adapter is a no-op
     * (2.0.16), so this binding keeps a real one, as Logback or Log4j would.
     */
    public static final class Provider implements SLF4JServiceProvider {
        private final SimpleServiceProvider simple = new SimpleServiceProvider();
        private final MDCAdapter mdc = new BasicMDCAdapter();
        private Factory factory;

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return simple.getMarkerFactory();
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return simple.getRequestedApiVersion();
        }

        @Override
        public void initialize() {
            simple.initialize();
            factory = new Factory(simple.getLoggerFactory());
        }
    }

    static final class Factory implements ILoggerFactory {
        private final ILoggerFactory delegate;

        Factory(ILoggerFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Logger getLogger(String name) {
            return new Capturing(delegate.getLogger(name));
        }
    }

    private static final class Capturing extends LegacyAbstractLogger {
        private final transient Logger delegate;

        Capturing(Logger delegate) {
            this.delegate = delegate;
            this.name = delegate.getName();
        }

        @Override
        public boolean isTraceEnabled() {
            return capturing || delegate.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return capturing || delegate.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return capturing || delegate.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return capturing || delegate.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return capturing || delegate.isErrorEnabled();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable t) {
            String message = MessageFormatter.basicArrayFormat(pattern, args);
            if (capturing) {
                Map<String, String> mdc = MDC.getCopyOfContextMap();
                LINES.add(new Line(level, name, message, Thread.currentThread().getName(),
                        mdc == null ? Map.of() : Map.copyOf(mdc)));
            }
            switch (level) {
                case ERROR -> {
                    if (delegate.isErrorEnabled()) {
                        delegate.error(message, t);
                    }
                }
                case WARN -> {
                    if (delegate.isWarnEnabled()) {
                        delegate.warn(message, t);
                    }
                }
                case INFO -> {
                    if (delegate.isInfoEnabled()) {
                        delegate.info(message, t);
                    }
                }
                case DEBUG -> {
                    if (delegate.isDebugEnabled()) {
                        delegate.debug(message, t);
                    }
                }
                default -> {
                    if (delegate.isTraceEnabled()) {
                        delegate.trace(message, t);
                    }
                }
            }
        }
    }
}
