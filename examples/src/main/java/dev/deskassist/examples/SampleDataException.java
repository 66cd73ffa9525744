package dev.deskassist.examples;

/** A sample data file that cannot be read; the message names the file, the ticket index and the field. */
public class SampleDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SampleDataException(String message) {
        super(message);
    }

    public SampleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
