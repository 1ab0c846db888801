package io.agentry.website;

import java.nio.charset.Charset;

/**
 * The part of a response body that was read.
 *
 * @param bytes what was kept: the bytes read, or nothing when the body was only drained
 * @param length how many bytes were read
 * @param truncated whether the body went on past the limit and was abandoned there
 */
record Body(byte[] bytes, int length, boolean truncated) {

    String text(Charset charset) {
        return new String(bytes, charset);
    }
}
