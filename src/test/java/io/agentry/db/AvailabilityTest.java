package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AvailabilityTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Availability availability = new Availability("test");

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(Availability.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(Availability.class)).detachAppender(log);
    }

    private static SQLException brokenConnection() {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006");
    }

    @Test
    void an_outage_is_said_once_and_its_end_once() {
        assertThat(availability.unreachable("claiming tasks", brokenConnection()))
                .isTrue();
        assertThat(availability.unreachable("writing outcomes", brokenConnection()))
                .isTrue();
        availability.answered(availability.asking());
        availability.answered(availability.asking());

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    @Test
    void a_call_already_on_its_way_when_the_outage_began_does_not_end_it() {
        long asked = availability.asking();
        availability.unreachable("listening for notifications", brokenConnection());

        availability.answered(asked);

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        availability.unreachable("writing outcomes", brokenConnection());
        assertThat(log.list).as("still the same outage").hasSize(1);
    }

    @Test
    void other_failures_are_not_outages() {
        assertThat(availability.unreachable("claiming tasks", new SQLException("bad value", "22P02")))
                .isFalse();
        assertThat(log.list).isEmpty();
    }
}
