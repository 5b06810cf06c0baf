package vn.gov.moit.hotline.telephony.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.CallSpec;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.TimedEvent;

/**
 * Plans the demo hotline's calls: random arrivals, Vietnamese mobile and landline callers (some withheld), two
 * operators (1001, 1002) who take one call at a time with a short wrap-up, callers who give up when the wait
 * exceeds their patience. Two operators answer about 1.5 calls a minute at most: beyond that the queue grows
 * and most callers give up, as on the real hotline. Deterministic for a seed and a start time.
 */
final class DemoTraffic {

    private static final String[] MOBILE_PREFIXES = {"090", "091", "093", "094", "096", "097", "098", "086",
        "088", "032", "033", "035", "037", "070", "077", "081", "083", "085"};
    private static final String[][] LANDLINES = {{"024", "Ha Noi"}, {"028", "TP Ho Chi Minh"},
        {"0236", "Da Nang"}, {"0225", "Hai Phong"}, {"0292", "Can Tho"}, {"0234", "Hue"}, {"0203", "Quang Ninh"}};
    private static final String[] FAMILY = {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do",
        "Ngo"};
    private static final String[] MIDDLE = {"Van", "Thi", "Minh", "Ngoc", "Duc", "Thanh", "Quoc", "Thu"};
    private static final String[] GIVEN = {"An", "Binh", "Cuong", "Dung", "Giang", "Ha", "Hung", "Lan", "Mai",
        "Nam", "Phuong", "Quang", "Son", "Thao", "Trang", "Tuan", "Yen"};
    private static final String[] OPERATORS = {"1001", "1002"};
    private static final int WRAP_UP_SECONDS = 10;

    private final CallGenerator generator;
    private final Random random;
    private final double callsPerSecond;
    private final CallTemplate answered;
    private final CallTemplate abandoned;
    private final CallTemplate withheld;
    private final Instant[] operatorFreeAt = new Instant[OPERATORS.length];
    private Instant nextArrival;

    DemoTraffic(long seed, double callsPerMinute, Instant start) {
        this.generator = new CallGenerator(seed, true);
        this.random = new Random(seed);
        this.callsPerSecond = callsPerMinute / 60.0;
        this.answered = CallTemplate.answeredCall();
        this.abandoned = CallTemplate.abandonedCall();
        this.withheld = CallTemplate.anonymousCall();
        java.util.Arrays.fill(operatorFreeAt, start);
        this.nextArrival = start.plusMillis(nextGapMillis());
    }

    /** The events of every call arriving before {@code horizon}; a call's later events lie beyond it. */
    List<List<TimedEvent>> callsArrivingBefore(Instant horizon) {
        List<List<TimedEvent>> calls = new ArrayList<>();
        while (nextArrival.isBefore(horizon)) {
            calls.add(plan(nextArrival));
            nextArrival = nextArrival.plusMillis(nextGapMillis());
        }
        return calls;
    }

    private List<TimedEvent> plan(Instant arrival) {
        int greet = 3 + random.nextInt(6);
        Instant join = arrival.plusSeconds(greet);
        int patience = 5 + (int) exponential(40);
        int operator = operatorFreeAt[0].isAfter(operatorFreeAt[1]) ? 1 : 0;
        Instant ringingFrom = later(join, operatorFreeAt[operator]);
        int wait = (int) Duration.between(join, ringingFrom).getSeconds() + 2 + random.nextInt(6);
        boolean withheldCaller = random.nextInt(10) == 0;
        String[] caller = withheldCaller ? new String[] {"anonymous", "<unknown>"} : caller();
        if (wait > patience) {
            return generator.derive(abandoned, new CallSpec(arrival, caller[0], caller[1], null, greet, patience, 0));
        }
        int talk = 30 + (int) Math.min(570, exponential(50));
        operatorFreeAt[operator] = join.plusSeconds(wait + talk + WRAP_UP_SECONDS);
        CallTemplate template = withheldCaller ? withheld : answered;
        return generator.derive(template,
                new CallSpec(arrival, caller[0], caller[1], OPERATORS[operator], greet, wait, talk));
    }

    private String[] caller() {
        if (random.nextInt(4) == 0) {
            String[] area = LANDLINES[random.nextInt(LANDLINES.length)];
            int digits = 11 - area[0].length();
            String number = area[0] + digits(digits);
            String name = random.nextBoolean() ? "So Cong Thuong " + area[1] : "Cong ty TNHH " + GIVEN[random.nextInt(GIVEN.length)]
                    + " " + area[1];
            return new String[] {number, name};
        }
        String number = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(7);
        String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
        return new String[] {number, name};
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private long nextGapMillis() {
        return Math.max(1, Math.round(exponential(1.0 / callsPerSecond) * 1000));
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
