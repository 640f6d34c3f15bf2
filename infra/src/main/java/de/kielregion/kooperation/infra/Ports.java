package de.kielregion.kooperation.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback port helpers: a free port, or a clear message when a wanted port is taken. */
public final class Ports {

    private Ports() {}

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback interface", e);
        }
    }

    /** Returns {@code port} if it is free on loopback, else fails naming what wanted it. */
    public static int requireFree(int port, String forWhat) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new PortInUseException(port, forWhat);
        }
    }

    /** A wanted port is taken by another program. */
    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(int port, String forWhat) {
            super("Port " + port + " (" + forWhat + ") is already in use on 127.0.0.1. "
                    + "Stop the program using it or choose another port.");
        }
    }
}
