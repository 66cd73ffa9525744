package dev.deskassist.examples.webhook;

/** Settings for the JDK's built-in HTTP server, applied before the first server is created. */
final class HttpServers {

    private HttpServers() {
    }

    /**
     * Turns on TCP_NODELAY for {@code com.sun.net.httpserver}: it writes headers and body in
     * separate packets, and with Nagle's algorithm against the client's delayed ACK each response
     * stalls for about 40 ms. The property is read once, when the first server starts.
     */
    static void noDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
}
