package vn.gov.moit.hotline.telephony;

import java.util.Arrays;
import java.util.Optional;

/** The Asterisk files the backfill reads, by the name the endpoint takes. */
enum BackfillFormat {
    /** /var/log/asterisk/cdr-csv/Master.csv, written by cdr_csv. */
    CDR_CSV("cdr-csv"),
    /** /var/log/asterisk/queue_log, written by app_queue. */
    QUEUE_LOG("queue-log");

    final String id;

    BackfillFormat(String id) {
        this.id = id;
    }

    static Optional<BackfillFormat> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
