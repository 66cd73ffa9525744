package dev.deskassist.examples;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs a picocli {@code @Command} as a {@link Command} of the old {@link Main}, until every command
 * is a picocli command: name and summary come from the annotation, parsing and help from picocli.
 */
final class PicocliCommand implements Command {

    private final Supplier<? extends Callable<Integer>> factory;
    private final CommandLine.Command annotation;

    PicocliCommand(Class<? extends Callable<Integer>> type, Supplier<? extends Callable<Integer>> factory) {
        this.factory = factory;
        this.annotation = type.getAnnotation(CommandLine.Command.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Command");
        }
    }

    @Override
    public String name() {
        return annotation.name();
    }

    @Override
    public String summary() {
        return annotation.description().length == 0 ? "" : annotation.description()[0];
    }

    @Override
    public int run(List<String> args) {
        return new CommandLine(factory.get()).execute(args.toArray(String[]::new));
    }
}
