package io.agentry.web;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's open event streams. A stream never ends on its own, so a stopping server ends them
 * first: a graceful stop would otherwise wait its whole grace for them. A stream that opens while
 * the server stops is ended at once. Each is held open ({@code keepAlive}) before anyone can
 * close it: closing a client before that would leave its request open for good.
 */
final class EventStreams {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final Set<SseClient> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /** Holds the request open, then lets {@code stream} feed it: from here on, closing the client ends it. */
    void start(SseClient client, Route.EventStream stream) {
        client.keepAlive();
        open.add(client);
        client.ctx().req().getAsyncContext().addListener(new Forget(client));
        if (closing) {
            client.close();
            return;
        }
        try {
            stream.start(client);
        } catch (Exception e) {
            log.warn("Event stream {} ended: {}", client.ctx().path(), e.toString());
            client.close();
        }
    }

    void close() {
        closing = true;
        open.forEach(SseClient::close);
    }

    /** Forgets a stream once its response is complete, however it ended. */
    private final class Forget implements AsyncListener {
        private final SseClient client;

        Forget(SseClient client) {
            this.client = client;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            open.remove(client);
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
