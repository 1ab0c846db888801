package io.agentry.web;

import io.agentry.company.Catalogue;
import io.agentry.company.Company;
import io.agentry.company.CompanyNumber;
import io.agentry.company.CompanyQuery;
import io.agentry.company.reference.ReferenceData;
import io.agentry.company.reference.UnknownReferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The shared company catalogue, searched and read by any org's keys. */
final class CompanyRoutes {
    private CompanyRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/api/companies",
                        Access.VIEWER,
                        "Search the catalogue by name (q), industry and location, by name",
                        CompanyRoutes::search)
                .get("/api/companies/{number}", Access.VIEWER, "One company in full", CompanyRoutes::find);
    }

    private static Object search(Call call) {
        ReferenceData reference = call.services().reference();
        List<String> industries =
                terms(call, "industry", term -> reference.industries().resolve(term));
        List<String> locations =
                terms(call, "location", term -> reference.locations().resolve(term));
        int limit = call.limit();
        CompanyQuery query = new CompanyQuery(call.query("q"), industries, locations, List.of(), null, limit + 1);
        Cursor cursor = call.cursor();
        List<Company> companies = new Catalogue(call.data(), reference)
                .search(query, cursor == null ? null : cursor.value(0), cursor == null ? null : cursor.value(1));
        return Page.of(companies, limit, company -> Cursor.of(company.name(), company.companyNumber()));
    }

    private static Object find(Call call) {
        String raw = call.context().pathParam("number");
        String number = CompanyNumber.normalise(raw)
                .orElseThrow(() -> ApiException.invalid(
                        "number", "'" + raw + "' is not a company number (8 letters or digits, such as 00000006)"));
        return Map.of(
                "company",
                new Catalogue(call.data(), call.services().reference())
                        .find(number)
                        .orElseThrow(() -> ApiException.notFound("company")));
    }

    /**
     * The parameter's terms, repeated ({@code industry=SaaS&industry=FinTech}) or comma-separated,
     * each checked by {@code resolve}: a term the reference data does not know is a 400 naming the
     * parameter, with what it would know.
     */
    private static List<String> terms(Call call, String name, Consumer<String> resolve) {
        List<String> terms = new ArrayList<>();
        for (String value : call.context().queryParams(name)) {
            for (String term : value.split(",")) {
                if (!term.isBlank()) {
                    terms.add(term.strip());
                }
            }
        }
        for (String term : terms) {
            try {
                resolve.accept(term);
            } catch (UnknownReferenceException e) {
                throw ApiException.invalid(name, e.getMessage());
            }
        }
        return terms;
    }
}
