package io.agentry.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentContextTest {
    private final StopSignal stopSignal = new StopSignal();

    private AgentContext.Builder aContext() {
        return AgentContext.builder()
                .task(UUID.randomUUID(), UUID.randomUUID(), 2)
                .agent(UUID.randomUUID(), UUID.randomUUID(), "scoring_agent", null)
                .stopSignal(stopSignal)
                .meter(new CostMeter())
                .clock(Clock.system());
    }

    @Test
    void gives_the_stream_the_goal_and_the_upstream_outputs_from_the_input() {
        UUID stream = UUID.randomUUID();
        var input = Json.object();
        input.put("stream_id", stream.toString());
        input.putObject("goal_context").putObject("target_metrics").put("companies_to_find", 50);
        input.putObject("upstream_outputs").putObject("opportunity_bot").put("items_created", 12);

        AgentContext context = aContext().input(input).build();

        assertThat(context.streamId()).isEqualTo(stream);
        assertThat(context.goalContext()
                        .path("target_metrics")
                        .path("companies_to_find")
                        .asInt())
                .isEqualTo(50);
        assertThat(context.upstreamOutputs()
                        .path("opportunity_bot")
                        .path("items_created")
                        .asInt())
                .isEqualTo(12);
        assertThat(context.attempt()).isEqualTo(2);
    }

    @Test
    void without_input_or_configuration_the_agent_reads_empty_objects() {
        AgentContext context = aContext().build();

        assertThat(context.configuration().isObject()).isTrue();
        assertThat(context.configuration().isEmpty()).isTrue();
        assertThat(context.streamId()).isNull();
        assertThat(context.goalContext().isMissingNode()).isTrue();
        assertThat(context.upstreamOutputs().isEmpty()).isTrue();
    }

    @Test
    void the_agent_sees_a_stop_the_runner_requested_and_why() {
        AgentContext context = aContext().build();
        assertThat(context.isStopRequested()).isFalse();

        stopSignal.request(StopReason.CANCELLED);

        assertThat(context.isStopRequested()).isTrue();
        assertThat(context.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThatThrownBy(context::checkpoint)
                .isInstanceOf(InterruptedException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void an_agent_cannot_reach_the_stop_signal_to_request_or_withdraw_a_stop() {
        assertThat(Arrays.stream(AgentContext.class.getMethods())
                        .filter(method -> Modifier.isPublic(method.getModifiers()))
                        .map(Method::getReturnType))
                .doesNotContain(StopSignal.class);
    }
}
