package io.agentry.cli;

import io.agentry.web.ApiConfig;
import java.io.PrintWriter;

/** What {@code serve} says about its HTTP API, and how to get a first key on a new deployment. */
final class ApiText {
    private ApiText() {}

    static String url(ApiConfig api, int port) {
        String host = api.bind().equals("0.0.0.0") || api.bind().equals("::") ? "127.0.0.1" : api.bind();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** @param noOrgYet whether the deployment has no organization: then how to get a first key */
    static void printServing(PrintWriter out, ApiConfig api, int port, boolean noOrgYet) {
        String url = url(api, port);
        out.printf("HTTP API on %s (OpenAPI at %s/api/openapi.json).%n", url, url);
        if (!noOrgYet) {
            return;
        }
        out.println("No organization yet. To get a first key:");
        if (api.adminToken() != null) {
            out.printf(
                    "  curl -s -X POST %s/api/orgs -H \"Authorization: Bearer $AGENTRY_ADMIN_TOKEN\" "
                            + "-H 'Content-Type: application/json' -d '{\"name\": \"acme\"}'%n",
                    url);
        } else {
            out.println("  agentry keys create --org acme --role admin   (on this deployment's database)");
            out.println("  or set AGENTRY_ADMIN_TOKEN (16+ characters), restart, and POST /api/orgs with it.");
        }
    }
}
