package dev.deskassist.examples.cli;

import dev.deskassist.core.DeskAssistException;
import dev.deskassist.examples.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How {@code deskassist} reports what went wrong: one line {@code deskassist <command>: <message>}
 * in words on standard error, no Java class names and no stack trace unless {@code --verbose} is
 * given. A usage error (bad option, missing value, {@link UsageException}) adds picocli's
 * suggestions and where to find help and exits {@value #USAGE}; a failure while running exits
 * {@value #FAILURE}.
 */
public final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of a usage error. */
    public static final int USAGE = 2;
    /** Exit code of a failure while running. */
    public static final int FAILURE = 1;

    /** A qualified Java name such as {@code java.lang.Foo} or {@code dev.deskassist.x.Bar}, as JDK messages hold them. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    private final Verbosity verbosity;

    /** @param verbosity whether {@code --verbose} was given; read when a failure is reported */
    public Failures(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        if (!(ex instanceof UnmatchedArgumentException) && !cl.getUnmatchedArguments().isEmpty()) {
            // picocli reports a missing required option first; a typo in an option is often why it is missing
            UnmatchedArgumentException unmatched = new UnmatchedArgumentException(cl, cl.getUnmatchedArguments());
            err.println(cl.getCommandSpec().qualifiedName() + ": " + unmatched.getMessage());
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (verbosity.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        if (ex instanceof UsageException) {
            err.println(name + ": " + ex.getMessage());
            err.println("Try '" + name + " --help' for more information.");
        } else {
            err.println(name + ": " + message(ex));
        }
        if (verbosity.verbose()) {
            ex.printStackTrace(err);
        } else if (!(ex instanceof UsageException || ex instanceof DeskAssistException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return ex instanceof UsageException ? USAGE : FAILURE;
    }

    /** The failure in words: ours say what is wrong already; the JDK's are rephrased without class names. */
    public static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof DeskAssistException) {
            return t.getMessage();
        }
        if (t instanceof NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (t instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (t instanceof FileSystemException f) {
            return "cannot use " + f.getFile() + (f.getReason() != null ? ": " + f.getReason() : "");
        }
        if (t instanceof IOException) {
            return "input/output error" + (t.getMessage() != null ? ": " + t.getMessage() : "");
        }
        if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && t.getMessage() != null
                && !CLASS_NAME.matcher(t.getMessage()).find()) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory; give the JVM more heap (-Xmx)";
        }
        return "unexpected internal error";
    }
}
