package io.agentry.companieshouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Test
    void the_fourth_request_in_a_window_of_three_waits_until_the_first_leaves_it() throws InterruptedException {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(3, WINDOW, time, time);

        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        assertThat(time.sleeps()).isEmpty();

        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(time.elapsed()).isEqualTo(WINDOW);
        assertThat(limiter.counters()).isEqualTo(new RateLimiter.Counters(4, 1, Duration.ofSeconds(30)));
    }

    @Test
    void the_window_slides_with_each_request_rather_than_resetting() throws InterruptedException {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(3, WINDOW, time, time);
        limiter.acquire(); // at 0 s
        time.advance(Duration.ofSeconds(50));
        limiter.acquire(); // at 50 s
        limiter.acquire(); // at 50 s

        limiter.acquire(); // the one of 0 s leaves at 60 s
        limiter.acquire(); // the ones of 50 s leave at 110 s

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(50));
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(110));
    }

    @Test
    void requests_spaced_wider_than_the_window_never_wait() throws InterruptedException {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(1, WINDOW, time, time);

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
            time.advance(WINDOW);
        }

        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.counters().waits()).isZero();
    }

    @Test
    void concurrent_callers_never_get_more_permits_than_the_limit_in_a_window() throws Exception {
        FakeTime time = FakeTime.manual();
        RateLimiter limiter = new RateLimiter(3, WINDOW, time, time);
        int callers = 10;
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    limiter.acquire();
                    granted.incrementAndGet();
                    return null;
                }));
            }

            for (int window = 1; window <= 4; window++) {
                int expected = Math.min(3 * window, callers);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> granted.get() == expected && time.sleeping() == callers - expected);
                assertThat(granted).as("permits by window %d", window).hasValue(expected);
                time.advance(WINDOW);
            }

            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(limiter.counters().requests()).isEqualTo(callers);
        assertThat(limiter.counters().waits()).isEqualTo(callers - 3);
    }

    @Test
    void the_shared_limiter_is_the_companies_house_limit_and_one_per_process() {
        assertThat(RateLimiter.shared()).isSameAs(RateLimiter.shared());
        assertThat(RateLimiter.shared().limit()).isEqualTo(600);
        assertThat(RateLimiter.shared().window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_limit_below_one_or_an_empty_window_is_refused() {
        FakeTime time = FakeTime.advancing();
        assertThatThrownBy(() -> new RateLimiter(0, WINDOW, time, time))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new RateLimiter(3, Duration.ZERO, time, time))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    void try_acquire_takes_a_free_permit_and_refuses_without_waiting_once_the_window_is_spent() {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(2, WINDOW, time, time);

        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();

        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.counters().requests())
                .as("a refusal takes no permit")
                .isEqualTo(2);
        time.advance(WINDOW);
        assertThat(limiter.tryAcquire()).isTrue();
    }

    @Test
    void try_acquire_with_a_wait_waits_for_a_permit_within_it_and_refuses_one_beyond_it() throws InterruptedException {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(1, WINDOW, time, time);
        limiter.acquire();
        time.advance(Duration.ofSeconds(50));

        assertThat(limiter.tryAcquire(Duration.ofSeconds(5))).isFalse();
        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.tryAcquire(Duration.ofSeconds(10))).isTrue();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
        assertThat(limiter.counters().requests()).isEqualTo(2);
    }

    @Test
    void a_limiter_with_a_maximum_wait_shares_the_window_and_throws_instead_of_waiting() throws InterruptedException {
        FakeTime time = FakeTime.advancing();
        RateLimiter shared = new RateLimiter(3, WINDOW, time, time);
        RateLimiter impatient = shared.withMaxWait(Duration.ZERO);
        shared.acquire();
        shared.acquire();

        impatient.acquire();

        assertThatThrownBy(impatient::acquire)
                .isInstanceOf(RateLimiter.PermitUnavailableException.class)
                .hasMessageContaining("the 3 requests allowed in 1 minute are spent");
        assertThat(time.sleeps()).isEmpty();
        assertThat(shared.counters().requests()).isEqualTo(3);
        assertThat(impatient.counters()).isEqualTo(shared.counters());
        assertThat(impatient.permitsGranted()).isEqualTo(1);
        assertThat(shared.permitsGranted()).isEqualTo(2);
        assertThat(impatient.limit()).isEqualTo(3);
    }

    @Test
    void available_counts_the_permits_free_now_as_earlier_ones_leave_the_window() throws InterruptedException {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(3, WINDOW, time, time);
        assertThat(limiter.available()).isEqualTo(3);
        limiter.acquire(); // at 0 s
        time.advance(Duration.ofSeconds(20));
        limiter.acquire(); // at 20 s
        limiter.acquire(); // at 20 s
        assertThat(limiter.available()).isZero();

        time.advance(Duration.ofSeconds(40)); // 60 s: the first has left
        assertThat(limiter.available()).isEqualTo(1);
        time.advance(Duration.ofSeconds(20)); // 80 s: all have
        assertThat(limiter.available()).isEqualTo(3);
    }

    @Test
    void concurrent_impatient_callers_never_get_more_permits_than_the_limit() throws Exception {
        FakeTime time = FakeTime.manual();
        RateLimiter limiter = new RateLimiter(5, WINDOW, time, time).withMaxWait(Duration.ZERO);
        int callers = 20;
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        limiter.acquire();
                        granted.incrementAndGet();
                    } catch (RateLimiter.PermitUnavailableException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(granted).hasValue(5);
        assertThat(refused).hasValue(15);
        assertThat(limiter.counters().waits()).isZero();
    }

    @Test
    void a_negative_maximum_wait_is_refused() {
        FakeTime time = FakeTime.advancing();
        RateLimiter limiter = new RateLimiter(3, WINDOW, time, time);
        assertThatThrownBy(() -> limiter.withMaxWait(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxWait");
    }
}
