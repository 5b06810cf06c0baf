package vn.gov.moit.hotline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Deterministic (seeded) bulk data written straight into the application's database with JDBC batches, on the
 * schema of the application's own Flyway migrations: the fast way to a month of a national hotline.
 */
final class BenchData {

    static final List<String> FIELDS = List.of("DOMESTIC_MARKET", "IMPORT_EXPORT", "ECOMMERCE", "TRADE_PROMOTION",
            "COMPETITION_CONSUMER", "ELECTRICITY", "OIL_GAS_COAL", "INDUSTRY", "CHEMICALS", "FOREIGN_TRADERS",
            "LEGAL_PROCEDURES", "PERSONNEL", "FINANCE_ENTERPRISE", "OTHER");
    static final List<String> DEPARTMENTS = List.of("TCCB", "PC", "KHTC", "TMDT", "TTTN", "XNK", "XTTM", "CTBV",
            "DKT", "DL", "CN", "HC", "VP");
    static final List<String> PROVINCES = List.of("HA_NOI", "HUE", "HAI_PHONG", "DA_NANG", "HO_CHI_MINH", "CAN_THO",
            "CAO_BANG", "DIEN_BIEN", "HA_TINH", "LAI_CHAU", "LANG_SON", "NGHE_AN", "QUANG_NINH", "THANH_HOA", "SON_LA",
            "TUYEN_QUANG", "LAO_CAI", "THAI_NGUYEN", "PHU_THO", "BAC_NINH", "HUNG_YEN", "NINH_BINH", "QUANG_TRI",
            "QUANG_NGAI", "GIA_LAI", "KHANH_HOA", "LAM_DONG", "DAK_LAK", "DONG_NAI", "TAY_NINH", "VINH_LONG",
            "DONG_THAP", "CA_MAU", "AN_GIANG");
    static final List<String> CALLER_TYPES = List.of("CITIZEN", "BUSINESS", "COMMUNE_PEOPLES_COMMITTEE",
            "WARD_PEOPLES_COMMITTEE", "PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE");
    static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "URGENT");
    private static final int BATCH = 5_000;

    private BenchData() {
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        // H2's default 16 MB page cache turns the random-keyed index inserts into file reads: 256 MB for the load.
        String u = url.startsWith("jdbc:h2:") ? url + ";CACHE_SIZE=262144" : url;
        Connection c = DriverManager.getConnection(u, user, password);
        c.setAutoCommit(false);
        return c;
    }

    /** The application's migrations, from target/classes; {@code clean} first empties the schema (PostgreSQL reruns). */
    static void migrate(String url, String user, String password, boolean clean) {
        Flyway flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .cleanDisabled(!clean).load();
        if (clean) {
            flyway.clean();
        }
        flyway.migrate();
    }

    /** Tickets are written in blocks of this many, each with its own seeded random stream and its own commit. */
    private static final int TICKET_BLOCK = 10_000;

    /**
     * {@code n} tickets with ids {@code firstId..firstId+n-1}, opened in {@code [from, to)} in id order (uniformly
     * spread, as a ticket desk numbers them): about a third resolved on the call (with the history row saying so),
     * a third escalated (one escalation, a tenth of those forwarded once), the rest new, triaged, on the callback
     * list, closed or duplicates. Every ticket with an id ending in 0 is left NEW at version 0 (triage targets for
     * the API benchmark).
     *
     * <p>Written by {@code bench.seed-threads} connections (default 2) in blocks of 10,000: each block draws from
     * a random stream seeded by {@code seed} and the block's number, and history and escalation ids follow from
     * the ticket id (history {@code id}, escalations {@code 2 id} and {@code 2 id + 1}), so the data is the same
     * whatever the number of threads. Ten indexes per ticket make H2 spend most of the time in index inserts and
     * their commits; two connections use both cores.
     */
    static void tickets(String url, String user, String password, long firstId, int n, Instant from, Instant to,
            long seed) throws Exception {
        DroppedIndexes dropped = null;
        if (url.startsWith("jdbc:h2:") && n >= BULK_LOAD) {
            try (Connection c = connect(url, user, password)) {
                dropped = dropTicketIndexes(c);
            }
        }
        int blocks = (n + TICKET_BLOCK - 1) / TICKET_BLOCK;
        int threads = Math.max(1, Math.min(blocks, Integer.getInteger("bench.seed-threads", 2)));
        AtomicInteger nextBlock = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    try (Connection c = connect(url, user, password)) {
                        for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                            int first = b * TICKET_BLOCK;
                            ticketBlock(c, firstId, n, first, Math.min(n, first + TICKET_BLOCK), from, to,
                                    new Random(seed * 1_000_003L + b));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connect(url, user, password)) {
            if (dropped != null) {
                dropped.rebuild(c);
            }
            restartSequence(c, "ticket_seq", firstId + n);
            restartSequence(c, "ticket_history_seq", firstId + n);
            restartSequence(c, "escalation_seq", 2 * (firstId + n));
        }
    }

    /** From this many tickets on, an H2 load goes without the ticket tables' indexes, which are built after it. */
    private static final int BULK_LOAD = 100_000;
    private static final String TICKET_TABLES = "ticket, ticket_history, escalation";
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE INDEX (\"[^\"]+\"\\.\"[^\"]+\") ON ");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "^ALTER TABLE (\"[^\"]+\"\\.\"[^\"]+\") ADD CONSTRAINT (\"[^\"]+\"\\.\"[^\"]+\") (UNIQUE|FOREIGN KEY)");

    /**
     * H2 only: drops the secondary indexes, unique and foreign-key constraints of the ticket tables (their primary
     * keys stay) and returns the statements that create them again. Each row costs H2 a B-tree insert and a commit
     * visit per index, copying pages as it goes; an index built over the loaded rows is sorted once instead, which
     * makes a million tickets several times faster to load.
     */
    private static DroppedIndexes dropTicketIndexes(Connection c) throws SQLException {
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("script nodata table " + TICKET_TABLES)) {
            while (rs.next()) {
                String sql = rs.getString(1);
                Matcher index = CREATE_INDEX.matcher(sql);
                Matcher constraint = ADD_CONSTRAINT.matcher(sql);
                if (index.find()) {
                    indexes.add(sql);
                    drops.add("drop index " + index.group(1));
                } else if (constraint.find()) {
                    // Checked when added again, so that a wrong code in the generated data still fails the load.
                    constraints.add(sql.replace(" NOCHECK", ""));
                    drops.add(0, "alter table " + constraint.group(1) + " drop constraint " + constraint.group(2));
                }
            }
        }
        List<String> before = ticketIndexes(c);
        try (Statement s = c.createStatement()) {
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        c.commit();
        // Constraints first, as the migrations declare them: each gets its own index again, not a later one's.
        List<String> create = new ArrayList<>(constraints);
        create.addAll(indexes);
        return new DroppedIndexes(create, before);
    }

    /** What {@link #dropTicketIndexes} dropped: the statements that create it again, and the indexes there were. */
    private record DroppedIndexes(List<String> create, List<String> before) {

        /** Creates the indexes again and checks that the same ones are back. */
        void rebuild(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String sql : create) {
                    s.execute(sql);
                }
            }
            c.commit();
            List<String> after = ticketIndexes(c);
            if (!after.equals(before)) {
                throw new IllegalStateException("ticket indexes differ after the bulk load: " + after + " instead of " + before);
            }
        }
    }

    /** The indexes of the ticket tables as table, kind and columns (names aside: H2 numbers constraint indexes). */
    private static List<String> ticketIndexes(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select i.table_name, i.index_type_name, listagg(ic.column_name, ',') within group (order by ic.ordinal_position)
                from information_schema.indexes i join information_schema.index_columns ic
                  on ic.index_schema = i.index_schema and ic.index_name = i.index_name
                where i.table_schema = 'PUBLIC' and i.table_name in ('TICKET', 'TICKET_HISTORY', 'ESCALATION')
                group by i.table_name, i.index_name, i.index_type_name
                order by 1, 2, 3""")) {
            while (rs.next()) {
                found.add(rs.getString(1) + " " + rs.getString(2) + " (" + rs.getString(3) + ")");
            }
        }
        return found;
    }

    /** Tickets number {@code from..to-1} of the {@code n} starting at {@code firstId}, in one transaction. */
    private static void ticketBlock(Connection c, long firstId, int n, int fromIndex, int toIndex, Instant from,
            Instant to, Random r) throws SQLException {
        long span = to.toEpochMilli() - from.toEpochMilli();
        try (PreparedStatement t = c.prepareStatement("""
                insert into ticket (id, reference, source, status, caller_number, caller_withheld, caller_type,
                    province_code, field_code, priority, summary, operator, department_code, created_at, updated_at,
                    closed_at, version)
                values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
                PreparedStatement h = c.prepareStatement("""
                        insert into ticket_history (id, ticket_id, at, actor, action, from_status, to_status)
                        values (?, ?, ?, 'operator1', 'RESOLVED_ON_CALL', 'NEW', 'RESOLVED_ON_CALL')""");
                PreparedStatement e = c.prepareStatement("""
                        insert into escalation (id, ticket_id, department_code, state, deadline, escalated_by,
                            escalated_at, answered_by, answered_at, closed_at, raised_at, version)
                        values (?, ?, ?, ?, ?, 'operator1', ?, ?, ?, ?, ?, 0)""")) {
            for (int i = fromIndex; i < toIndex; i++) {
                long id = firstId + i;
                Instant created = from.plusMillis((long) ((i + r.nextDouble()) * span / n));
                String field = FIELDS.get(r.nextInt(FIELDS.size()));
                String dept = DEPARTMENTS.get(FIELDS.indexOf(field) % DEPARTMENTS.size());
                double roll = r.nextDouble();
                boolean isNew = id % 10 == 0;
                String status;
                boolean resolvedOnCall = false;
                boolean escalated = false;
                if (isNew) {
                    status = "NEW";
                } else if (roll < 0.30) {
                    resolvedOnCall = true;
                    status = r.nextBoolean() ? "RESOLVED_ON_CALL" : "CLOSED";
                } else if (roll < 0.62) {
                    escalated = true;
                    status = List.of("ESCALATED", "IN_PROGRESS", "ANSWERED", "CLOSED").get(r.nextInt(4));
                } else if (roll < 0.75) {
                    status = "TRIAGED";
                } else if (roll < 0.85) {
                    status = "CALLBACK_PENDING";
                } else if (roll < 0.87) {
                    status = "DUPLICATE";
                } else {
                    status = "CLOSED";
                }
                Instant answered = escalated && !status.equals("ESCALATED") && !status.equals("IN_PROGRESS")
                        ? created.plusSeconds(3600 + r.nextInt(5 * 24 * 3600)) : null;
                Instant deadline = escalated ? created.plusSeconds(8 * 3600 + r.nextInt(3 * 24 * 3600)) : null;
                Instant closed = status.equals("CLOSED") ? created.plusSeconds(600 + r.nextInt(7 * 24 * 3600)) : null;
                t.setLong(1, id);
                t.setString(2, "HL-B-" + digits(id, 8));
                t.setString(3, r.nextInt(10) == 0 ? "MANUAL" : "PHONE");
                t.setString(4, status);
                t.setString(5, "+849" + digits(r.nextInt(100_000_000), 8));
                boolean triaged = !isNew && !status.equals("CALLBACK_PENDING");
                t.setString(6, triaged ? CALLER_TYPES.get(r.nextInt(CALLER_TYPES.size())) : null);
                t.setString(7, triaged ? PROVINCES.get(r.nextInt(PROVINCES.size())) : null);
                t.setString(8, triaged ? field : null);
                t.setString(9, PRIORITIES.get(r.nextInt(PRIORITIES.size())));
                t.setString(10, "Bench ticket " + id);
                t.setString(11, r.nextBoolean() ? "operator1" : "operator2");
                t.setString(12, escalated ? dept : null);
                boolean raised = escalated && r.nextInt(50) == 0;
                t.setObject(13, utc(created));
                t.setObject(14, utc(created.plusSeconds(60)));
                t.setObject(15, utc(closed));
                t.addBatch();
                if (resolvedOnCall) {
                    h.setLong(1, id);
                    h.setLong(2, id);
                    h.setObject(3, utc(created.plusSeconds(120)));
                    h.addBatch();
                }
                if (escalated) {
                    boolean forwarded = r.nextInt(10) == 0;
                    Instant at = created.plusSeconds(300);
                    if (forwarded) {
                        escalation(e, 2 * id, id, DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), "FORWARDED",
                                deadline, at, null, at.plusSeconds(3600), null);
                        at = at.plusSeconds(3600);
                    }
                    escalation(e, 2 * id + 1, id, dept, answered != null ? "ANSWERED" : "OPEN",
                            forwarded ? deadline.plusSeconds(86_400) : deadline, at, answered, null,
                            raised ? at.plusSeconds(60) : null);
                }
                if ((i - fromIndex + 1) % BATCH == 0) {
                    t.executeBatch();
                    h.executeBatch();
                    e.executeBatch();
                }
            }
            t.executeBatch();
            h.executeBatch();
            e.executeBatch();
            c.commit();
        }
    }

    /** {@code value} in decimal, zero-padded to {@code width} digits (String.format was 5% of the seeding). */
    private static String digits(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static void escalation(PreparedStatement e, long id, long ticket, String dept, String state,
            Instant deadline, Instant at, Instant answered, Instant closed, Instant raised) throws SQLException {
        e.setLong(1, id);
        e.setLong(2, ticket);
        e.setString(3, dept);
        e.setString(4, state);
        e.setObject(5, utc(deadline));
        e.setObject(6, utc(at));
        e.setString(7, answered != null ? "officer.tttn" : null);
        e.setObject(8, utc(answered));
        e.setObject(9, utc(closed));
        e.setObject(10, utc(raised));
        e.addBatch();
    }

    /**
     * {@code n} ended calls with ids {@code firstId..}, arriving in {@code [from, to)} with more calls in office
     * hours: 72% completed, 16% abandoned, 10% missed, 2% outcome unknown; waits 0-180 s, talks 20-900 s. Ids
     * follow the arrivals, as the sequence numbers calls when they are captured: the arrivals are drawn first
     * and sorted. Written in arrival order, the indexes on arrived_at grow at their end: 200,000 calls went into
     * H2 2.4 times faster than in random order.
     */
    static void calls(Connection c, long firstId, int n, Instant from, Instant to, long seed) throws SQLException {
        Random r = new Random(seed);
        long span = to.toEpochMilli() - from.toEpochMilli();
        long[] arrivals = new long[n];
        for (int i = 0; i < n; i++) {
            Instant arrived = from.plusMillis((long) (r.nextDouble() * span));
            // A second draw in office hours (UTC 01-10 = 08-17 in Viet Nam) for half the calls.
            if (r.nextBoolean()) {
                long day = arrived.getEpochSecond() / 86_400 * 86_400;
                Instant office = Instant.ofEpochSecond(day + 3600 + r.nextInt(9 * 3600));
                if (!office.isBefore(from) && office.isBefore(to)) {
                    arrived = office;
                }
            }
            arrivals[i] = arrived.toEpochMilli();
        }
        Arrays.sort(arrivals);
        try (PreparedStatement p = c.prepareStatement("""
                insert into call_record (id, linkedid, state, did, caller_number, caller_withheld, queue,
                    operator_username, arrived_at, queued_at, answered_at, ended_at, wait_seconds, talk_seconds,
                    hangup_cause, flagged, updated_at, version)
                values (?, ?, ?, '+8424222021115', ?, ?, 'hotline', ?, ?, ?, ?, ?, ?, ?, 16, ?, ?, 0)""")) {
            for (int i = 0; i < n; i++) {
                long id = firstId + i;
                Instant arrived = Instant.ofEpochMilli(arrivals[i]);
                double roll = r.nextDouble();
                String state = roll < 0.72 ? "COMPLETED" : roll < 0.88 ? "ABANDONED" : roll < 0.98 ? "MISSED"
                        : "OUTCOME_UNKNOWN";
                boolean queued = !state.equals("MISSED");
                int wait = queued ? r.nextInt(state.equals("ABANDONED") ? 120 : 180) : 0;
                int talk = state.equals("COMPLETED") ? 20 + r.nextInt(880) : 0;
                Instant queuedAt = queued ? arrived.plusSeconds(8) : null;
                Instant answeredAt = state.equals("COMPLETED") ? queuedAt.plusSeconds(wait) : null;
                Instant ended = arrived.plusSeconds(8 + wait + talk);
                p.setLong(1, id);
                p.setString(2, "1790000000." + id);
                p.setString(3, state);
                boolean withheld = r.nextInt(20) == 0;
                p.setString(4, withheld ? null : String.format("+849%08d", r.nextInt(100_000_000)));
                p.setBoolean(5, withheld);
                p.setString(6, answeredAt != null ? (r.nextBoolean() ? "operator1" : "operator2") : null);
                p.setObject(7, utc(arrived));
                p.setObject(8, utc(queuedAt));
                p.setObject(9, utc(answeredAt));
                p.setObject(10, utc(ended));
                p.setObject(11, queued ? wait : null);
                p.setObject(12, answeredAt != null ? talk : null);
                p.setBoolean(13, state.equals("OUTCOME_UNKNOWN"));
                p.setObject(14, utc(ended));
                p.addBatch();
                if ((i + 1) % BATCH == 0) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
            c.commit();
        }
        restartSequence(c, "call_record_seq", firstId + n);
    }

    /** Hibernate's pooled optimizer takes the next value as a block start: move it past the seeded ids. */
    static void restartSequence(Connection c, String sequence, long next) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("alter sequence " + sequence + " restart with " + (next + 100));
        }
        c.commit();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
