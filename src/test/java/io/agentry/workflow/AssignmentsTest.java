package io.agentry.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.db.Database;
import io.agentry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssignmentsTest {
    private static Database database;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void a_cycle_is_refused_and_named_agent_by_agent() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");
        world.assign("c", "b");

        assertThatThrownBy(() -> world.assign("a", "c"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("step_a 'step_a agent' (" + world.agent("a") + ") depends on step_c")
                .hasMessageContaining("depends on step_b 'step_b agent' (" + world.agent("b") + ") depends on step_a");
        assertThat(world.assignments
                        .find(world.org, world.stream, world.agent("a"))
                        .orElseThrow()
                        .dependsOn())
                .isEmpty();
    }

    @Test
    void an_agent_depending_on_itself_is_a_cycle() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");

        assertThatThrownBy(() -> world.assign("a", "a"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void a_dependency_on_an_agent_not_assigned_to_the_stream_is_refused_and_nothing_is_written() {
        WorkflowWorld world = new WorkflowWorld(database);

        assertThatThrownBy(() -> world.assign("b", "a"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkflowException.Kind.INVALID);
                    assertThat(e.field()).isEqualTo("depends_on_agent_ids[0]");
                })
                .hasMessageContaining("is not assigned to this stream");
        assertThat(world.assignments.list(world.org, world.stream)).isEmpty();
    }

    @Test
    void a_dependency_on_another_orgs_agent_is_refused() {
        WorkflowWorld world = new WorkflowWorld(database);
        WorkflowWorld other = new WorkflowWorld(database);
        other.assign("a");

        assertThatThrownBy(() -> world.assignments.assign(
                        world.org,
                        world.stream,
                        AssignmentRequest.of(world.agent("b")).withDependsOn(List.of(other.agent("a")))))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("is not assigned to this stream");
        assertThatThrownBy(
                        () -> world.assignments.assign(world.org, world.stream, AssignmentRequest.of(other.agent("a"))))
                .isInstanceOfSatisfying(
                        WorkflowException.class, e -> assertThat(e.kind()).isEqualTo(WorkflowException.Kind.INVALID));
        assertThatThrownBy(
                        () -> world.assignments.assign(other.org, world.stream, AssignmentRequest.of(other.agent("b"))))
                .isInstanceOfSatisfying(
                        WorkflowException.class, e -> assertThat(e.field()).isEqualTo("stream_id"));
    }

    @Test
    void execution_order_is_informational_and_may_repeat_or_contradict_the_dependencies() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assignments.assign(
                world.org, world.stream, AssignmentRequest.of(world.agent("a")).withExecutionOrder(2));
        world.assignments.assign(
                world.org,
                world.stream,
                AssignmentRequest.of(world.agent("b")).withExecutionOrder(1).withDependsOn(List.of(world.agent("a"))));
        world.assignments.assign(
                world.org, world.stream, AssignmentRequest.of(world.agent("c")).withExecutionOrder(1));

        assertThat(world.assignments.list(world.org, world.stream))
                .extracting(Assignment::agentType)
                .containsExactly("step_b", "step_c", "step_a");
    }

    @Test
    void assigning_again_changes_only_what_the_request_gives() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");

        Assignment changed = world.assignments.assign(
                world.org, world.stream, AssignmentRequest.of(world.agent("b")).withRole("scoring"));

        assertThat(changed.role()).isEqualTo("scoring");
        assertThat(changed.autoExecute()).isTrue();
        assertThat(changed.dependsOn()).containsExactly(world.agent("a"));
    }

    @Test
    void an_unknown_role_is_refused_naming_the_field() {
        WorkflowWorld world = new WorkflowWorld(database);

        assertThatThrownBy(() -> world.assignments.assign(
                        world.org,
                        world.stream,
                        AssignmentRequest.of(world.agent("a")).withRole("boss")))
                .isInstanceOfSatisfying(
                        WorkflowException.class, e -> assertThat(e.field()).isEqualTo("assignment_role"))
                .hasMessageContaining("'boss'");
    }

    @Test
    void an_agent_others_depend_on_cannot_be_removed() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");

        assertThatThrownBy(() -> world.assignments.remove(world.org, world.stream, world.agent("a")))
                .isInstanceOfSatisfying(
                        WorkflowException.class, e -> assertThat(e.kind()).isEqualTo(WorkflowException.Kind.CONFLICT))
                .hasMessageContaining("step_b");
        assertThat(world.assignments.remove(world.org, world.stream, world.agent("b")))
                .isTrue();
        assertThat(world.assignments.remove(world.org, world.stream, world.agent("a")))
                .isTrue();
        assertThat(world.assignments.list(world.org, world.stream)).isEmpty();
    }
}
