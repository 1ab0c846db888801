package io.agentry.web;

import io.agentry.event.EventHub;
import java.util.UUID;

/**
 * A stream's live events as server-sent events (docs/events.md): {@code event:} the event type,
 * {@code id:} its id, {@code data:} its payload. First the events after the client's last id
 * ({@code Last-Event-ID}, or {@code ?last_event_id=} for clients that cannot set headers), or,
 * without one, the stream's latest events; then the live ones, with heartbeat comments between.
 */
final class EventRoutes {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private EventRoutes() {}

    static void addTo(Routes routes) {
        routes.events(
                "/api/streams/{id}/events",
                Access.VIEWER,
                "The stream's events as server-sent events: those after Last-Event-ID (without it, the latest"
                        + " 50), then live ones",
                EventRoutes::open);
    }

    private static Route.EventStream open(Call call) {
        UUID org = call.orgId();
        UUID stream = call.pathId("id");
        Long lastEventId = lastEventId(call);
        EventHub hub = call.services().events();
        if (!hub.hasStream(org, stream)) {
            throw ApiException.notFound("stream");
        }
        // Without a last id: the latest events as of this request, whenever the stream opens.
        long after = lastEventId != null ? lastEventId : hub.replayStart(org, stream);
        return client -> {
            EventWriter writer = new EventWriter(client);
            writer.open(hub.subscribe(org, stream, after, writer));
        };
    }

    /**
     * The id of the last event the client saw, or null. The header wins over the query
     * parameter: a browser's EventSource reconnects to the same URL with the header of the last id.
     */
    private static Long lastEventId(Call call) {
        String header = call.context().header(LAST_EVENT_ID);
        boolean fromHeader = header != null && !header.isBlank();
        String value = fromHeader ? header.strip() : call.query("last_event_id");
        if (value == null) {
            return null;
        }
        String name = fromHeader ? LAST_EVENT_ID : "last_event_id";
        try {
            long id = Long.parseLong(value);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.invalid(
                name, name + " must be an event id (a whole number, 0 or more), not '" + value + "'");
    }
}
