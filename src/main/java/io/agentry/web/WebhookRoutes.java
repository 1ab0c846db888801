package io.agentry.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.notify.After;
import io.agentry.notify.Deliveries;
import io.agentry.notify.Delivery;
import io.agentry.notify.InvalidWebhookException;
import io.agentry.notify.NewWebhook;
import io.agentry.notify.Webhook;
import io.agentry.notify.Webhooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An org's webhooks for its critical events, managed by its admins (docs/webhooks.md). */
final class WebhookRoutes {
    /** @param events the event names wanted; absent for all of them */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WebhookRequest(String url, List<String> events, String description) {}

    private WebhookRoutes() {}

    static void addTo(Routes routes) {
        routes.post(
                        "/api/webhooks",
                        Access.ADMIN,
                        "Register a webhook for the org's critical events; its signing secret is shown once",
                        WebhookRequest.class,
                        WebhookRoutes::create)
                .get("/api/webhooks", Access.ADMIN, "List the org's webhooks, newest first", WebhookRoutes::list)
                .get(
                        "/api/webhooks/{id}",
                        Access.ADMIN,
                        "A webhook",
                        call -> Map.of("webhook", webhook(call, call.pathId("id"))))
                .delete(
                        "/api/webhooks/{id}",
                        Access.ADMIN,
                        "Delete a webhook with its deliveries; deliveries still pending are not sent",
                        call -> {
                            if (!new Webhooks(call.data()).delete(call.orgId(), call.pathId("id"))) {
                                throw ApiException.notFound("webhook");
                            }
                            return null;
                        })
                .get(
                        "/api/webhooks/{id}/deliveries",
                        Access.ADMIN,
                        "A webhook's deliveries, newest first, each with every attempt",
                        WebhookRoutes::deliveries);
    }

    private static Object create(Call call) {
        WebhookRequest request = call.body(WebhookRequest.class);
        NewWebhook webhook;
        try {
            webhook = NewWebhook.of(request.url(), request.events(), request.description());
        } catch (InvalidWebhookException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
        Webhooks.Created created = new Webhooks(call.data()).create(call.orgId(), webhook);
        call.status(201);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhook", created.webhook());
        body.put("secret", created.secret());
        return body;
    }

    private static Object list(Call call) {
        int limit = call.limit();
        List<Webhook> rows = new Webhooks(call.data()).list(call.orgId(), after(call), limit + 1);
        return Page.of(rows, limit, webhook -> Cursor.of(webhook.createdAt(), webhook.id()));
    }

    private static Object deliveries(Call call) {
        Webhook webhook = webhook(call, call.pathId("id"));
        int limit = call.limit();
        List<Delivery> rows = new Deliveries(call.data()).list(call.orgId(), webhook.id(), after(call), limit + 1);
        return Page.of(rows, limit, delivery -> Cursor.of(delivery.createdAt(), delivery.id()));
    }

    private static Webhook webhook(Call call, UUID id) {
        return new Webhooks(call.data()).find(call.orgId(), id).orElseThrow(() -> ApiException.notFound("webhook"));
    }

    /** The position a {@code cursor} of these lists (creation time and id of a page's last row) names. */
    private static After after(Call call) {
        Keyset keyset = Keyset.of(call);
        return keyset.at() == null ? null : new After(keyset.at(), keyset.id());
    }
}
