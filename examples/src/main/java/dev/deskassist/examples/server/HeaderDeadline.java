package dev.deskassist.examples.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not delivered a request's line and headers within a fixed time,
 * counted from when it opened or its previous response finished. Jetty's idle timeout alone does
 * not do this: a slow-loris client sending one byte every few hundred milliseconds is never idle.
 * Added to a connector as a {@link Connection.Listener}; the handler reports each request start.
 */
final class HeaderDeadline implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Scheduler scheduler;
    private final Duration timeout;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    HeaderDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
        Watch w = new Watch(connection);
        watches.put(connection, w);
        w.arm();
    }

    @Override
    public void onClosed(Connection connection) {
        Watch w = watches.remove(connection);
        if (w != null) {
            w.disarm();
        }
    }

    /** The request's headers are in: stop the clock until its response has been sent. */
    void requestStarted(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        Watch w = watches.get(connection);
        if (w != null) {
            w.disarm();
            Request.addCompletionListener(request, failure -> w.arm());
        }
    }

    /** Connections currently watched (open on this connector). */
    int watched() {
        return watches.size();
    }

    /** One connection's clock; a generation number makes a stale timer harmless. */
    private final class Watch {
        private final Connection connection;
        private long generation;
        private Scheduler.Task task;

        Watch(Connection connection) {
            this.connection = connection;
        }

        synchronized void arm() {
            long armed = ++generation;
            task = scheduler.schedule(() -> expire(armed), timeout);
        }

        synchronized void disarm() {
            generation++;
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        private void expire(long armed) {
            synchronized (this) {
                if (armed != generation) {
                    return;
                }
                task = null;
            }
            LOG.debug("closing a connection that sent no complete request headers within {} ms", timeout.toMillis());
            connection.getEndPoint().close();
        }
    }
}
