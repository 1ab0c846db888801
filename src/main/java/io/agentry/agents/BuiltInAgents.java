package io.agentry.agents;

import io.agentry.agent.AgentRegistry;
import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.company.reference.ReferenceData;
import io.agentry.enrichment.EnrichmentSources;
import io.agentry.signal.FeedReader;
import io.agentry.support.Clock;
import io.agentry.website.WebsiteAnalyzer;
import io.agentry.website.WebsiteOptions;
import java.util.List;
import java.util.Optional;

/**
 * The agents Agentry ships, ready to register on a node: discovery, enrichment, scoring and the
 * scout, with what they need from this process: the reference data, the clock, the Companies
 * House client when a key is configured, and one website analyser they share (its robots.txt cache
 * and its turns per host then hold across agents). Closing it closes the analyser.
 */
public final class BuiltInAgents implements AutoCloseable {
    public static final List<String> TYPES =
            List.of("opportunity_bot", "enrichment_agent", "scoring_agent", "scout_agent");

    private final AgentRegistry registry = new AgentRegistry();
    private final WebsiteAnalyzer websites;

    public BuiltInAgents(
            ReferenceData reference,
            Clock clock,
            Optional<CompaniesHouseClient> companiesHouse,
            WebsiteOptions websiteOptions) {
        this.websites = new WebsiteAnalyzer(websiteOptions, clock);
        registry.register(OpportunityBot.TYPE, new OpportunityBot(reference));
        registry.register(
                EnrichmentAgent.TYPE,
                new EnrichmentAgent(EnrichmentSources.of(companiesHouse, websites, reference.sizeBands())));
        registry.register(ScoringAgent.TYPE, new ScoringAgent(reference));
        registry.register(ScoutAgent.TYPE, new ScoutAgent(companiesHouse, websites, FeedReader.defaults()));
    }

    /**
     * The agents as this process's environment configures them: Companies House when {@code
     * AGENTRY_COMPANIES_HOUSE_API_KEY} is set, websites fetched directly.
     */
    public static BuiltInAgents fromEnvironment(ReferenceData reference, Clock clock) {
        return new BuiltInAgents(reference, clock, CompaniesHouseClient.fromEnvironment(), WebsiteOptions.defaults());
    }

    /** Every built-in agent. */
    public AgentRegistry registry() {
        return registry;
    }

    /** Only the agent of this type: for a process that runs one agent and no other. */
    public AgentRegistry only(String agentType) {
        AgentRegistry one = new AgentRegistry();
        one.register(
                agentType,
                registry.find(agentType)
                        .orElseThrow(() -> new IllegalArgumentException("unknown agent type '" + agentType
                                + "'; the built-in agents are " + String.join(", ", TYPES))));
        return one;
    }

    @Override
    public void close() {
        websites.close();
    }
}
