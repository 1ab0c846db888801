package io.agentry.web;

import io.agentry.company.CompanyNumber;
import io.agentry.signal.ListedSignal;
import io.agentry.signal.OrgSignals;
import io.agentry.signal.SignalType;
import java.util.Arrays;
import java.util.List;

/** The org's buying signals, newest first. */
final class SignalRoutes {
    private SignalRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                "/api/signals",
                Access.VIEWER,
                "List buying signals, newest first (filters: company_number, signal_type, status)",
                SignalRoutes::list);
    }

    private static Object list(Call call) {
        String number = call.query("company_number");
        String type = Queries.oneOf(
                call,
                "signal_type",
                Arrays.stream(SignalType.values()).map(SignalType::value).toList());
        OrgSignals.Filter filter = new OrgSignals.Filter(
                number == null
                        ? null
                        : CompanyNumber.normalise(number)
                                .orElseThrow(() -> ApiException.invalid(
                                        "company_number",
                                        "'" + number + "' is not a company number (8 letters or digits)")),
                type == null ? null : SignalType.of(type),
                Queries.oneOf(call, "status", OrgSignals.STATUSES));
        Keyset after = Keyset.of(call);
        int limit = call.limit();
        List<ListedSignal> signals =
                new OrgSignals(call.data()).list(call.orgId(), filter, after.at(), after.id(), limit + 1);
        return Page.of(signals, limit, signal -> Cursor.of(signal.detectedAt(), signal.id()));
    }
}
