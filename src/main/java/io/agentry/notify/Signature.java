package io.agentry.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Agentry-Signature} of a delivery: {@code sha256=} and the hex HMAC-SHA256, keyed
 * with the webhook's secret, of the timestamp sent in {@code X-Agentry-Timestamp}, a dot, and the
 * exact bytes of the body. The timestamp is signed with the body so that a receiver can refuse
 * an old request replayed by someone who captured it (docs/webhooks.md).
 */
final class Signature {
    private static final String HMAC = "HmacSHA256";

    private Signature() {}

    static String of(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
