package vn.gov.moit.hotline.telephony.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One AMI block (an event, a response, or an action) as an ordered list of headers. Keys keep the case they were
 * written in; look-ups ignore case like Asterisk does. The wire form is rendered once and cached, because the
 * same message may be written to many clients or benchmarks at tens of thousands of events a second.
 */
public final class AmiMessage {

    private final List<Map.Entry<String, String>> headers;
    private volatile byte[] wire;

    private AmiMessage(List<Map.Entry<String, String>> headers) {
        this.headers = Collections.unmodifiableList(headers);
    }

    /** A message from alternating keys and values: {@code of("Response", "Success", "ActionID", id)}. */
    public static AmiMessage of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        List<Map.Entry<String, String>> list = new ArrayList<>(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            list.add(Map.entry(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new AmiMessage(list);
    }

    /** Parses one block (without its terminating empty line); lines without a colon are ignored. */
    public static AmiMessage parse(String block) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            // Asterisk writes "Key: Value"; values may be empty ("AccountCode: ") and that must survive a round trip.
            String value = line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            list.add(Map.entry(line.substring(0, colon), value));
        }
        return new AmiMessage(list);
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header, ignoring the key's case; null when absent. */
    public String get(String key) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(key)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The {@code Event} header, or null for responses and actions. */
    public String eventName() {
        return get("Event");
    }

    /** A copy with every header whose key matches replaced by the value (or appended when absent). */
    public AmiMessage with(String key, String value) {
        List<Map.Entry<String, String>> list = new ArrayList<>(headers.size() + 1);
        boolean found = false;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(key)) {
                list.add(Map.entry(h.getKey(), value));
                found = true;
            } else {
                list.add(h);
            }
        }
        if (!found) {
            list.add(Map.entry(key, value));
        }
        return new AmiMessage(list);
    }

    /** A copy with a header inserted right after the first header whose key matches {@code afterKey}. */
    public AmiMessage insertAfter(String afterKey, String key, String value) {
        List<Map.Entry<String, String>> list = new ArrayList<>(headers.size() + 1);
        boolean inserted = false;
        for (Map.Entry<String, String> h : headers) {
            list.add(h);
            if (!inserted && h.getKey().equalsIgnoreCase(afterKey)) {
                list.add(Map.entry(key, value));
                inserted = true;
            }
        }
        if (!inserted) {
            list.add(Map.entry(key, value));
        }
        return new AmiMessage(list);
    }

    /** A copy with every value passed through the function (keys and order kept). */
    public AmiMessage mapValues(java.util.function.BiFunction<String, String, String> keyAndValueToValue) {
        List<Map.Entry<String, String>> list = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> h : headers) {
            list.add(Map.entry(h.getKey(), keyAndValueToValue.apply(h.getKey(), h.getValue())));
        }
        return new AmiMessage(list);
    }

    /** A copy with the values of the named headers passed through the function. */
    public AmiMessage mapValue(String key, UnaryOperator<String> f) {
        String old = get(key);
        return old == null ? this : with(key, f.apply(old));
    }

    /** The block as Asterisk writes it: {@code Key: Value\r\n} lines and an empty {@code \r\n} line. */
    public byte[] toBytes() {
        byte[] b = wire;
        if (b == null) {
            StringBuilder sb = new StringBuilder(headers.size() * 32);
            for (Map.Entry<String, String> h : headers) {
                sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            sb.append("\r\n");
            b = sb.toString().getBytes(StandardCharsets.UTF_8);
            wire = b;
        }
        return b;
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
