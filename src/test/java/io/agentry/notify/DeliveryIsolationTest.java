package io.agentry.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.agent.Insight;
import io.agentry.db.Database;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.Runner;
import io.agentry.testing.TestDatabase;
import io.agentry.workflow.Workflows;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A webhook endpoint that never answers holds a delivery slot, never an agent's: deliveries run
 * on a runner of their own, as on every node. Real threads, since concurrency is the point.
 */
class DeliveryIsolationTest {

    @Test
    void agent_tasks_complete_promptly_while_a_webhook_endpoint_hangs() throws Exception {
        try (Database database = TestDatabase.fresh();
                HangingEndpoint endpoint = new HangingEndpoint();
                NotifyWorld world = new NotifyWorld(database, Duration.ofSeconds(30))) {
            world.webhook(endpoint.url());
            world.insight(Insight.Type.RISK_ALERT, Insight.Severity.CRITICAL, "risk:1");
            try (Runner agents = world.agentRunner(world.agentOptions().withSlots(1));
                    Runner deliveries = world.deliveryRunner()) {
                deliveries.start();
                agents.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.connections() > 0);

                List<Workflows.Started> started = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    started.add(world.execute(world.workingAgent));
                }

                await().atMost(Duration.ofSeconds(5))
                        .until(() -> started.stream()
                                .allMatch(task ->
                                        world.fixtures.task(task.taskId()).status() == TaskStatus.COMPLETED));
                // All the while, the delivery was still waiting for its answer.
                assertThat(world.fixtures.count(
                                "SELECT count(*) FROM webhook_attempts WHERE org_id = '" + world.org + "'"))
                        .isZero();
                assertThat(world.fixtures.count("SELECT count(*) FROM agent_tasks WHERE org_id = '" + world.org
                                + "' AND agent_type = 'webhook_notifier' AND status = 'processing'"))
                        .isEqualTo(1);
            }
        }
    }

    /** Accepts connections and never answers them. */
    private static final class HangingEndpoint implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor = io.agentry.support.Threads.start("hanging-endpoint", this::accept);

        HangingEndpoint() throws IOException {}

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        int connections() {
            return accepted.size();
        }

        private void accept() {
            try {
                while (!server.isClosed()) {
                    accepted.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
