package io.agentry.companieshouse;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.agentry.companieshouse.Fixtures.COMPANY;
import static io.agentry.companieshouse.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.agentry.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagingTest {
    private static final String OFFICERS = "/company/" + COMPANY + "/officers";
    private static final String FILINGS = "/company/" + COMPANY + "/filing-history";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = FakeTime.advancing();

    @Test
    void officers_in_two_pages_are_collected_into_one_list() {
        stubPage(OFFICERS, 0, json("officers-04567891-page-1.json"));
        stubPage(OFFICERS, 2, json("officers-04567891-page-2.json"));

        Officers officers = client(2, 500).officers(COMPANY).orElseThrow();

        assertThat(officers.items())
                .extracting(Officer::name)
                .containsExactly("HARTWELL, Simon James", "PRICE, Amelia Rose", "HARTWELL, Margaret Ann");
        assertThat(officers.items().get(2).officerRole()).isEqualTo("secretary");
        assertThat(officers.items().get(2).isActive()).isFalse();
        assertThat(officers.totalResults()).isEqualTo(3);
        assertThat(officers.isComplete()).isTrue();
        api.verify(2, getRequestedFor(urlPathEqualTo(OFFICERS)).withQueryParam("items_per_page", equalTo("2")));
    }

    @Test
    void paging_stops_at_the_total_count() {
        stubPage(FILINGS, 0, filingPage(0, 100, 150));
        stubPage(FILINGS, 100, filingPage(100, 50, 150));

        FilingHistory history = client(100, 500).filingHistory(COMPANY).orElseThrow();

        assertThat(history.items()).hasSize(150);
        assertThat(history.items().get(149).transactionId()).isEqualTo("T149");
        assertThat(history.isComplete()).isTrue();
        api.verify(2, getRequestedFor(urlPathEqualTo(FILINGS)));
    }

    @Test
    void paging_stops_at_the_most_items_a_call_may_collect() {
        stubPage(FILINGS, 0, filingPage(0, 100, 1_000));
        stubPage(FILINGS, 100, filingPage(100, 100, 1_000));

        FilingHistory history = client(100, 150).filingHistory(COMPANY).orElseThrow();

        assertThat(history.items()).hasSize(150);
        assertThat(history.totalCount()).isEqualTo(1_000);
        assertThat(history.isComplete()).isFalse();
        api.verify(2, getRequestedFor(urlPathEqualTo(FILINGS)));
    }

    @Test
    void an_empty_page_ends_the_list_even_when_the_total_says_more() {
        stubPage(FILINGS, 0, filingPage(0, 100, 300));
        stubPage(FILINGS, 100, filingPage(100, 0, 300));

        FilingHistory history = client(100, 500).filingHistory(COMPANY).orElseThrow();

        assertThat(history.items()).hasSize(100);
        assertThat(history.isComplete()).isFalse();
    }

    @Test
    void a_404_after_the_first_page_is_an_error_not_an_empty_answer() {
        stubPage(FILINGS, 0, filingPage(0, 100, 200));
        api.stubFor(get(urlPathEqualTo(FILINGS))
                .withQueryParam("start_index", equalTo("100"))
                .willReturn(notFound()));

        assertThatThrownBy(() -> client(100, 500).filingHistory(COMPANY))
                .isInstanceOfSatisfying(CompaniesHouseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CompaniesHouseException.Kind.UNEXPECTED_STATUS);
                    assertThat(e.status()).hasValue(404);
                    assertThat(e.call()).contains("start_index=100");
                });
    }

    private CompaniesHouseClient client(int pageSize, int maxItems) {
        return TestClients.client(
                TestClients.options(api.baseUrl()).withPageSize(pageSize).withMaxItems(maxItems), time);
    }

    private static void stubPage(String path, int startIndex, String body) {
        api.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("start_index", equalTo(Integer.toString(startIndex)))
                .willReturn(okJson(body)));
    }

    /** A filing-history page in the API's shape, items numbered from {@code startIndex}. */
    private static String filingPage(int startIndex, int count, int totalCount) {
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("items");
        for (int i = startIndex; i < startIndex + count; i++) {
            ObjectNode item = items.addObject();
            item.put("category", "officers");
            item.put("date", "2020-01-01");
            item.put("description", "appoint-person-director-company-with-name-date");
            item.put("transaction_id", "T" + i);
            item.put("type", "AP01");
            item.putObject("links").put("self", "/company/" + COMPANY + "/filing-history/T" + i);
        }
        page.put("items_per_page", 100);
        page.put("start_index", startIndex);
        page.put("total_count", totalCount);
        page.put("filing_history_status", "filing-history-available");
        return Json.write(page);
    }
}
