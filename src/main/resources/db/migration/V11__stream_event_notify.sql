-- Live events: a transaction that wrote to stream_events wakes every node's event hub when it
-- commits. See docs/events.md.
--
-- One notification per statement, on one channel, always with the same (empty) payload:
-- PostgreSQL folds identical notifications of a transaction into one, so a transaction sends one
-- however many events it wrote, and a rolled-back one sends none. The hub reads the new rows
-- itself (WHERE id > its watermark); the notification only says when to look. An INSERT … ON
-- CONFLICT DO NOTHING that wrote nothing notifies too: it drew an id all the same, and the hub
-- settles that gap sooner for knowing the transaction ended.
CREATE FUNCTION agentry_stream_events_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('agentry_stream_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER stream_events_notify
    AFTER INSERT ON stream_events
    FOR EACH STATEMENT
    EXECUTE FUNCTION agentry_stream_events_notify();
