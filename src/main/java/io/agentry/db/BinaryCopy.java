package io.agentry.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a {@code COPY … FROM STDIN (FORMAT binary)} as they are added, through one
 * buffer. The binary format needs no escaping, and the server parses no number, id or time from
 * text. Values must match the column types exactly: {@link #int4} for {@code integer}, and so on.
 *
 * <p>Use it in a try-with-resources block and call {@link #finish} at the end: closing a copy that
 * was not finished cancels it, so the connection is left usable and nothing of the copy stays.
 */
public final class BinaryCopy implements AutoCloseable {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECOND =
            Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final byte JSONB_VERSION = 1;
    private static final int TEXT_OID = 25;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    private BinaryCopy(CopyIn copy) {
        this.copy = copy;
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    /** Starts {@code sql}, a {@code COPY table (columns) FROM STDIN (FORMAT binary)}. */
    public static BinaryCopy start(Connection connection, String sql) throws SQLException {
        return new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Starts a row of {@code fields} values, which the next calls add in column order. */
    public BinaryCopy row(int fields) throws SQLException {
        room(2);
        buffer.putShort((short) fields);
        return this;
    }

    public BinaryCopy uuid(UUID value) throws SQLException {
        if (value == null) {
            return nullValue();
        }
        room(20);
        buffer.putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        return this;
    }

    public BinaryCopy int4(Integer value) throws SQLException {
        if (value == null) {
            return nullValue();
        }
        room(8);
        buffer.putInt(4).putInt(value);
        return this;
    }

    public BinaryCopy int8(Long value) throws SQLException {
        if (value == null) {
            return nullValue();
        }
        room(12);
        buffer.putInt(8).putLong(value);
        return this;
    }

    /** A {@code date} value. */
    public BinaryCopy date(LocalDate value) throws SQLException {
        if (value == null) {
            return nullValue();
        }
        room(8);
        buffer.putInt(4).putInt((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** A one-dimensional {@code text[]} value without nulls. */
    public BinaryCopy textArray(List<String> values) throws SQLException {
        if (values == null) {
            return nullValue();
        }
        byte[][] elements = new byte[values.size()][];
        int length = values.isEmpty() ? 12 : 20;
        for (int i = 0; i < elements.length; i++) {
            elements[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            length += 4 + elements[i].length;
        }
        room(24);
        buffer.putInt(length).putInt(values.isEmpty() ? 0 : 1).putInt(0).putInt(TEXT_OID);
        if (!values.isEmpty()) {
            buffer.putInt(elements.length).putInt(1);
        }
        for (byte[] element : elements) {
            room(4);
            buffer.putInt(element.length);
            bytes(element);
        }
        return this;
    }

    public BinaryCopy text(String value) throws SQLException {
        if (value == null) {
            return nullValue();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        room(4);
        buffer.putInt(utf8.length);
        return bytes(utf8);
    }

    /** A {@code jsonb} value from its JSON text, already encoded as UTF-8. */
    public BinaryCopy jsonb(byte[] utf8) throws SQLException {
        if (utf8 == null) {
            return nullValue();
        }
        room(5);
        buffer.putInt(utf8.length + 1).put(JSONB_VERSION);
        return bytes(utf8);
    }

    /**
     * A {@code timestamptz} value, to the microsecond. An instant far outside PostgreSQL's range
     * is refused here; one just outside it, by the server ("timestamp out of range").
     */
    public BinaryCopy timestamptz(Instant value) throws SQLException {
        if (value == null) {
            return nullValue();
        }
        long micros;
        try {
            micros = Math.addExact(
                    Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                    value.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("timestamp out of range: " + value, e);
        }
        room(12);
        buffer.putInt(8).putLong(micros);
        return this;
    }

    public BinaryCopy nullValue() throws SQLException {
        room(4);
        buffer.putInt(-1);
        return this;
    }

    /** Ends the copy; the rows are then part of the connection's transaction. Returns their number. */
    public long finish() throws SQLException {
        room(2);
        buffer.putShort((short) -1);
        send();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private BinaryCopy bytes(byte[] value) throws SQLException {
        if (value.length > buffer.remaining()) {
            send();
        }
        if (value.length > buffer.capacity()) {
            copy.writeToCopy(value, 0, value.length);
        } else {
            buffer.put(value);
        }
        return this;
    }

    private void room(int needed) throws SQLException {
        if (buffer.remaining() < needed) {
            send();
        }
    }

    private void send() throws SQLException {
        if (buffer.position() > 0) {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
