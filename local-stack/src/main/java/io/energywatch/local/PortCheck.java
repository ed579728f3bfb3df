package io.energywatch.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Whether a local TCP port can be taken, and the message that tells the user what to do when it cannot. */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * True when nothing listens on the port. Binding is the test (not connecting), because a server listening on
     * 0.0.0.0 or [::] blocks us as surely as one on 127.0.0.1.
     */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts connections on the port. */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code stopCommand} is the command that stops what energywatch started there, in case it lost track. */
    static String takenByForeignProcess(int port, String server, String stopCommand) {
        return "port " + port + " (" + server + ") is in use by another process (not started by energywatch):"
                + " stop it or run " + stopCommand;
    }

    /** Waits for the port to be released after a stop; false when something still holds it at the deadline. */
    static boolean awaitFree(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(host, port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.of(Duration.ofMillis(200));
        }
        return true;
    }
}
