package io.agentry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between a node and its database server, that can play a restart of the server:
 * {@link #down()} breaks every connection through it and refuses new ones (each is closed as soon
 * as it is accepted) until {@link #up()}. Works the same in front of any server.
 */
public final class OutageProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private OutageProxy(String targetHost, int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        daemon("outage-proxy-accept", this::accept);
    }

    /** A proxy in front of the server of {@code jdbcUrl}. */
    public static OutageProxy inFrontOf(String jdbcUrl) {
        String hostAndPort = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        int colon = hostAndPort.lastIndexOf(':');
        try {
            return new OutageProxy(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code jdbcUrl} with its server replaced by this proxy. */
    public String url(String jdbcUrl) {
        return jdbcUrl.replaceFirst(
                "^jdbc:postgresql://[^/]+/", "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    public void down() {
        down = true;
        open.forEach(OutageProxy::closeQuietly);
    }

    public void up() {
        down = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                if (down) { // went down while this one was connecting: down() may not have seen it
                    closeQuietly(client);
                    closeQuietly(server);
                    open.remove(client);
                    open.remove(server);
                    continue;
                }
                daemon("outage-proxy-up", () -> pump(client, server));
                daemon("outage-proxy-down", () -> pump(server, client));
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side broke the connection: break the other too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        down();
    }
}
