package io.agentry.web;

/**
 * What the engine's agents are and did: agents, their executions, analytics and health, the
 * org's tasks and buying signals, and the company catalogue they work on. The literal {@code
 * /api/agents/…} paths come before {@code /api/agents/{id}}, which would otherwise take them.
 */
final class EngineRoutes {
    private EngineRoutes() {}

    static void addTo(Routes routes) {
        AnalyticsRoutes.addTo(routes);
        AgentExecutionRoutes.addTo(routes);
        AgentRoutes.addTo(routes);
        TaskRoutes.addTo(routes);
        SignalRoutes.addTo(routes);
        CompanyRoutes.addTo(routes);
    }
}
