package io.agentry.companieshouse;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.agentry.companieshouse.Fixtures.COMPANY;
import static io.agentry.companieshouse.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class CompaniesHouseClientTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = FakeTime.advancing();
    private final CompaniesHouseClient client = TestClients.client(TestClients.options(api.baseUrl()), time);

    @Test
    void profile_is_read_from_the_api_shape() {
        api.stubFor(get("/company/" + COMPANY).willReturn(okJson(json("profile-04567891.json"))));

        CompanyProfile profile = client.profile(COMPANY).orElseThrow();

        assertThat(profile.companyName()).isEqualTo("HARTWELL & PRICE ENGINEERING LIMITED");
        assertThat(profile.companyNumber()).isEqualTo(COMPANY);
        assertThat(profile.companyStatus()).isEqualTo("active");
        assertThat(profile.type()).isEqualTo("ltd");
        assertThat(profile.jurisdiction()).isEqualTo("england-wales");
        assertThat(profile.dateOfCreation()).isEqualTo(LocalDate.of(2002, 10, 21));
        assertThat(profile.dateOfCessation()).isNull();
        assertThat(profile.sicCodes()).containsExactly("25620", "28410");
        assertThat(profile.hasCharges()).isTrue();
        assertThat(profile.hasInsolvencyHistory()).isFalse();
        assertThat(profile.registeredOfficeAddress())
                .isEqualTo(new Address(
                        "Unit 4",
                        "Brookside Business Park",
                        "Cold Meece",
                        "Stone",
                        "Staffordshire",
                        "ST15 0RZ",
                        "England"));
        assertThat(profile.accounts())
                .isEqualTo(new Accounts(
                        LocalDate.of(2025, 12, 31),
                        false,
                        new Accounts.LastAccounts(LocalDate.of(2024, 3, 31), "total-exemption-full")));
        assertThat(profile.confirmationStatement())
                .isEqualTo(new ConfirmationStatement(LocalDate.of(2025, 11, 4), false, LocalDate.of(2024, 10, 21)));
    }

    @Test
    void officers_are_read_from_the_api_shape() {
        api.stubFor(get(urlPathEqualTo("/company/" + COMPANY + "/officers"))
                .willReturn(okJson(json("officers-04567891-page-1.json"))));

        Officers officers = client.officers(COMPANY).orElseThrow();

        Officer director = officers.items().get(0);
        assertThat(director.name()).isEqualTo("HARTWELL, Simon James");
        assertThat(director.officerRole()).isEqualTo("director");
        assertThat(director.appointedOn()).isEqualTo(LocalDate.of(2002, 10, 21));
        assertThat(director.resignedOn()).isNull();
        assertThat(director.isActive()).isTrue();
        assertThat(director.occupation()).isEqualTo("Engineer");
        assertThat(director.nationality()).isEqualTo("British");
        assertThat(director.dateOfBirth()).isEqualTo(new Officer.DateOfBirth(4, 1968));
        assertThat(director.links().officer().appointments())
                .isEqualTo("/officers/Qm4tVt2kYH8nXoJ7sZ1rLc3pWdE/appointments");
        assertThat(officers.activeCount()).isEqualTo(2);
        assertThat(officers.resignedCount()).isEqualTo(1);
        assertThat(officers.totalResults()).isEqualTo(3);
    }

    @Test
    void filing_history_is_read_from_the_api_shape() {
        api.stubFor(get(urlPathEqualTo("/company/" + COMPANY + "/filing-history"))
                .willReturn(okJson(json("filing-history-04567891.json"))));

        FilingHistory history = client.filingHistory(COMPANY).orElseThrow();

        assertThat(history.totalCount()).isEqualTo(5);
        assertThat(history.isComplete()).isTrue();
        assertThat(history.items()).extracting(Filing::type).containsExactly("CS01", "AA", "SH01", "AP01", "TM01");
        assertThat(history.items().get(1))
                .isEqualTo(new Filing(
                        "accounts",
                        LocalDate.of(2024, 9, 12),
                        "AA",
                        "accounts-with-accounts-type-total-exemption-full",
                        "MzQyOTg3NjU0M2FkaXF6a2N4"));
        assertThat(history.items())
                .extracting(Filing::category)
                .containsExactly("confirmation-statement", "accounts", "capital", "officers", "officers");
    }

    @Test
    void filing_history_can_be_limited_to_categories() {
        api.stubFor(get(urlPathEqualTo("/company/" + COMPANY + "/filing-history"))
                .willReturn(okJson(json("filing-history-04567891.json"))));

        client.filingHistory(COMPANY, "officers,capital");

        api.verify(getRequestedFor(urlPathEqualTo("/company/" + COMPANY + "/filing-history"))
                .withQueryParam("category", equalTo("officers,capital")));
        assertThatThrownBy(() -> client.filingHistory(COMPANY, "officers&x=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("officers&x=1");
    }

    @Test
    void persons_with_significant_control_are_read_from_the_api_shape() {
        api.stubFor(get(urlPathEqualTo("/company/" + COMPANY + "/persons-with-significant-control"))
                .willReturn(okJson(json("pscs-04567891.json"))));

        Pscs pscs = client.personsWithSignificantControl(COMPANY).orElseThrow();

        assertThat(pscs.activeCount()).isEqualTo(2);
        assertThat(pscs.ceasedCount()).isEqualTo(1);
        assertThat(pscs.totalResults()).isEqualTo(3);
        assertThat(pscs.items().get(0))
                .isEqualTo(new Psc(
                        "individual-person-with-significant-control",
                        "Mr Simon James Hartwell",
                        List.of(
                                "ownership-of-shares-50-to-75-percent",
                                "voting-rights-50-to-75-percent",
                                "right-to-appoint-and-remove-directors"),
                        LocalDate.of(2016, 4, 6),
                        null));
        assertThat(pscs.items().get(1).kind()).isEqualTo("corporate-entity-person-with-significant-control");
        assertThat(pscs.items().get(2).ceasedOn()).isEqualTo(LocalDate.of(2024, 5, 14));
        assertThat(pscs.items()).filteredOn(Psc::isActive).hasSize(2);
    }

    @Test
    void charges_are_read_from_the_api_shape() {
        api.stubFor(get(urlPathEqualTo("/company/" + COMPANY + "/charges"))
                .willReturn(okJson(json("charges-04567891.json"))));

        Charges charges = client.charges(COMPANY).orElseThrow();

        assertThat(charges.totalCount()).isEqualTo(2);
        assertThat(charges.satisfiedCount()).isEqualTo(1);
        Charge outstanding = charges.items().get(0);
        assertThat(outstanding.status()).isEqualTo("outstanding");
        assertThat(outstanding.chargeCode()).isEqualTo("045678910002");
        assertThat(outstanding.createdOn()).isEqualTo(LocalDate.of(2019, 8, 22));
        assertThat(outstanding.classification())
                .isEqualTo(new Charge.Classification("charge-description", "A registered charge"));
        assertThat(outstanding.personsEntitled()).containsExactly(new Charge.PersonEntitled("Lloyds Bank PLC"));
        Charge satisfied = charges.items().get(1);
        assertThat(satisfied.status()).isEqualTo("fully-satisfied");
        assertThat(satisfied.chargeCode()).isNull();
        assertThat(satisfied.satisfiedOn()).isEqualTo(LocalDate.of(2019, 9, 2));
    }

    @Test
    void every_request_sends_the_key_as_basic_user_with_an_empty_password() {
        api.stubFor(get("/company/" + COMPANY).willReturn(okJson(json("profile-04567891.json"))));

        client.profile(COMPANY);

        String expected =
                "Basic " + Base64.getEncoder().encodeToString((TestClients.KEY + ":").getBytes(StandardCharsets.UTF_8));
        api.verify(getRequestedFor(urlEqualTo("/company/" + COMPANY))
                .withHeader("Authorization", equalTo(expected))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", matching("Agentry/\\S+ \\(\\+https://github.com/agentry\\)")));
    }

    @Test
    void unknown_company_is_empty_for_every_call() {
        api.stubFor(get(urlPathEqualTo("/company/99999999"))
                .willReturn(notFound()
                        .withBody("{\"errors\":[{\"error\":\"company-profile-not-found\",\"type\":\"ch:service\"}]}")));
        api.stubFor(get(urlPathEqualTo("/company/99999999/officers")).willReturn(notFound()));
        api.stubFor(get(urlPathEqualTo("/company/99999999/filing-history")).willReturn(notFound()));
        api.stubFor(get(urlPathEqualTo("/company/99999999/persons-with-significant-control"))
                .willReturn(notFound()));
        api.stubFor(get(urlPathEqualTo("/company/99999999/charges")).willReturn(notFound()));

        assertThat(client.profile("99999999")).isEmpty();
        assertThat(client.officers("99999999")).isEmpty();
        assertThat(client.filingHistory("99999999")).isEmpty();
        assertThat(client.personsWithSignificantControl("99999999")).isEmpty();
        assertThat(client.charges("99999999")).isEmpty();
        assertThat(time.sleeps()).as("404 is an answer, not retried").isEmpty();
    }

    @Test
    void company_numbers_are_normalised_before_the_request() {
        api.stubFor(get("/company/00000006").willReturn(okJson(json("profile-04567891.json"))));
        api.stubFor(get("/company/SC123456").willReturn(okJson(json("profile-04567891.json"))));

        assertThat(client.profile(" 6 ")).isPresent();
        assertThat(client.profile("sc123456")).isPresent();
    }

    @Test
    void a_malformed_company_number_is_refused_without_a_request() {
        assertThatThrownBy(() -> client.profile("../admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../admin");

        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void each_request_is_logged_at_debug_without_the_key() {
        api.stubFor(get("/company/" + COMPANY).willReturn(okJson(json("profile-04567891.json"))));
        Logger logger = (Logger) LoggerFactory.getLogger(Transport.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            client.profile(COMPANY);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage())
                    .matches("GET /company/04567891 -> 200 in \\d+ ms")
                    .doesNotContain(TestClients.KEY);
        });
    }
}
