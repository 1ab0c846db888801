package io.agentry.web;

import io.agentry.db.Database;
import io.javalin.http.Context;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One request as a route sees it: who made it, its org's data, and its parameters and body read
 * with errors that name what was wrong.
 */
public final class Call {
    /** The largest page a list returns. */
    public static final int MAX_LIMIT = 200;

    public static final int DEFAULT_LIMIT = 50;

    /** What an action returns when it wrote the response itself (not JSON). */
    public static final Object RAW = new Object();

    private final Context context;
    private final Caller caller;
    private final Services services;

    Call(Context context, Caller caller, Services services) {
        this.context = context;
        this.caller = caller;
        this.services = services;
    }

    public Caller caller() {
        return caller;
    }

    public Services services() {
        return services;
    }

    public Context context() {
        return context;
    }

    /** The caller's org. Routes that an org key calls only; the operator has none. */
    public UUID orgId() {
        UUID org = caller.orgId();
        if (org == null) {
            throw new ApiException(403, "forbidden", "Access denied");
        }
        return org;
    }

    /** The caller's org's data: connections that row-level security confines to that org. */
    public DataSource data() {
        return services.database().forOrg(orgId());
    }

    public Database database() {
        return services.database();
    }

    /** The JSON body read into {@code type}: unknown fields, wrong types and bad UUIDs are a 400 naming them. */
    public <T> T body(Class<T> type) {
        return Bodies.read(context, type);
    }

    public UUID pathId(String name) {
        return Params.uuid(name, context.pathParam(name));
    }

    /** A query parameter, or null when absent or empty. */
    public String query(String name) {
        String value = context.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A UUID query parameter, or null when absent. */
    public UUID queryId(String name) {
        String value = query(name);
        return value == null ? null : Params.uuid(name, value);
    }

    /** {@code limit}: {@value #DEFAULT_LIMIT} when absent; 1 to {@value #MAX_LIMIT}. */
    public int limit() {
        return Params.limit(query("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** {@code cursor}: where the previous page ended, as its {@code next_cursor} said; null for the first page. */
    public Cursor cursor() {
        String value = query("cursor");
        return value == null ? null : Cursor.parse(value);
    }

    public Call status(int status) {
        context.status(status);
        return this;
    }
}
