package io.agentry.stream;

import io.agentry.agent.StreamSink;
import io.agentry.agent.StreamSinks;
import io.agentry.support.Clock;
import javax.sql.DataSource;

/** Opens each attempt's {@link StreamFeed}: what a node gives its runner so agents report to streams. */
public final class StreamFeeds implements StreamSinks {
    private final DataSource dataSource;
    private final Clock clock;

    public StreamFeeds(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public StreamSink open(Reporter reporter) {
        return new StreamFeed(dataSource, clock, reporter);
    }
}
