package dev.deskassist.examples.cli;

/** Whether {@code --verbose} was given: failures then print their stack trace. */
@FunctionalInterface
public interface Verbosity {

    boolean verbose();
}
