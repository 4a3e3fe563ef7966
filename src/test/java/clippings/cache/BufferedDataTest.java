package clippings.cache;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cache's own buffered streams write and read what {@code DataOutputStream} and {@code DataInputStream} do. */
class BufferedDataTest {
    private static byte[] written(Random r, BufferedDataOutput out, ByteArrayOutputStream sink) throws IOException {
        for (int i = 0; i < 50_000; i++) {
            out.writeInt(r.nextInt());
            out.writeLong(r.nextLong());
            out.writeBoolean(r.nextBoolean());
            out.writeShort(r.nextInt());
            out.writeDouble(r.nextDouble());
            if (i % 5_000 == 0) {
                byte[] big = new byte[70_000 + i]; // past the buffer: handed on directly
                r.nextBytes(big);
                out.write(big);
            }
        }
        out.flush();
        return sink.toByteArray();
    }

    @Test
    void roundTripsAcrossBufferBoundariesWithTheJdksEncoding() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] bytes = written(new Random(7), new BufferedDataOutput() {
            @Override
            protected void drain(byte[] b, int off, int len) {
                sink.write(b, off, len);
            }
        }, sink);

        // The JDK's reader agrees on the encoding, and ours reads it back value by value.
        DataInputStream jdk = new DataInputStream(new ByteArrayInputStream(bytes));
        BufferedDataInput ours = new BufferedDataInput(new ByteArrayInputStream(bytes));
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            int a = r.nextInt();
            assertEquals(a, jdk.readInt());
            assertEquals(a, ours.readInt());
            long l = r.nextLong();
            assertEquals(l, jdk.readLong());
            assertEquals(l, ours.readLong());
            boolean b = r.nextBoolean();
            assertEquals(b, jdk.readBoolean());
            assertEquals(b, ours.readBoolean());
            short s = (short) r.nextInt();
            assertEquals(s, jdk.readShort());
            assertEquals(s, ours.readShort());
            double d = r.nextDouble();
            assertEquals(d, jdk.readDouble());
            assertEquals(d, ours.readDouble());
            if (i % 5_000 == 0) {
                byte[] big = new byte[70_000 + i];
                r.nextBytes(big);
                byte[] a1 = new byte[big.length];
                byte[] a2 = new byte[big.length];
                jdk.readFully(a1);
                ours.readFully(a2);
                assertArrayEquals(big, a1);
                assertArrayEquals(big, a2);
            }
        }
        assertThrows(EOFException.class, ours::readInt, "a cut-short file is an error, not a zero");
    }

    /**
     * Strings written by the codec straight into the buffer (ASCII) encode as through the JDK's stream: the
     * same digests and cache files whichever way a string goes. Non-ASCII text, found early or late, and strings
     * longer than the buffer take the general way.
     */
    @Test
    void stringsEncodeAsThroughTheJdksStream() throws IOException {
        java.util.List<Object> values = new java.util.ArrayList<>(java.util.List.of("", "a", "articles/2019/05/x.html",
                "Caf\u00e9", "ascii first, then \u00e9", "\u65e5\u672c", "emoji \ud83d\ude00", "x".repeat(70_000),
                "y".repeat(65_531), "z".repeat(65_532), "x".repeat(69_999) + "\u00e9",
                java.util.List.of("tag", "T\u00e0g"), java.util.Map.of("k\u00e9y", "value")));
        for (int i = 0; i < 2_000; i++) values.add("path/" + i + (i % 7 == 0 ? "/\u00e9" : ""));
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(jdk)) {
            for (Object v : values) RecordCodec.writer().write(out, v);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BufferedDataOutput ours = new BufferedDataOutput() {
            @Override
            protected void drain(byte[] b, int off, int len) {
                sink.write(b, off, len);
            }
        };
        for (Object v : values) RecordCodec.writer().write(ours, v);
        ours.flush();
        assertArrayEquals(jdk.toByteArray(), sink.toByteArray());
    }
}
