package vn.gov.moit.hotline.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Which calls are hotline calls. */
@ConfigMapping(prefix = "hotline.telephony")
public interface TelephonyConfig {

    /** The hotline's numbers (DIDs), in any written form; compared after normalisation. */
    @WithDefault("024.222.021115")
    List<String> dids();

    /** Dialplan contexts where calls from the public network enter. */
    @WithDefault("from-pstn")
    List<String> inboundContexts();

    /** Asterisk queues whose callers are hotline calls, whatever number they dialled. */
    @WithDefault("hotline")
    List<String> queues();

    /** Calls the hotline places (callbacks) through AMI Originate. */
    Outbound outbound();

    interface Outbound {

        /** The operator's phone, rung first: {extension} is the operator's extension (agents context of extensions.conf). */
        @WithDefault("Local/{extension}@agents")
        String operatorChannel();

        /** The dialplan context that dials the caller with the hotline's number as caller ID. */
        @WithDefault("callback")
        String context();

        /** The name shown on the operator's phone, before the number being called back. */
        @WithDefault("Goi lai")
        String callerIdName();

        /** How long the operator's phone rings before the attempt fails. */
        @WithDefault("30s")
        Duration ringOperator();

        /**
         * How long after Originate an OriginateResponse may take; past it (the ring time plus this) the attempt
         * is failed.
         */
        @WithDefault("30s")
        Duration responseGrace();
    }

    /** Reconciling the windows live capture may have missed from Asterisk's own tables. */
    Reconcile reconcile();

    interface Reconcile {

        /**
         * Where Asterisk's records are: {@code tables} (cdr_pgsql's cdr and realtime queue_log in the hotline's
         * database, telephony-config/), or {@code none} (gaps are recorded and shown, not reconciled).
         */
        @WithDefault("none")
        String source();

        /** cdr_pgsql's table (optionally schema.table). */
        @WithDefault("cdr")
        String cdrTable();

        /** The realtime queue_log table (optionally schema.table). */
        @WithDefault("queue_log")
        String queueLogTable();

        /** The PBX's time zone: queue_log's time column is its local time as text. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId queueLogZone();

        /** How long after a gap ends it is reconciled: Asterisk writes a call's records when it ends. */
        @WithDefault("5m")
        Duration delay();

        /** Added before and after each gap. */
        @WithDefault("30s")
        Duration margin();

        /** How often the due gaps are reconciled ({@code off}: never by itself). */
        @WithDefault("30s")
        String every();

        /** The wait before trying again when Asterisk's tables cannot be read (doubling, up to an hour). */
        @WithDefault("1m")
        Duration retry();
    }

    /** Importing Asterisk's own records of an outage window (POST /api/admin/calls/backfill). */
    Backfill backfill();

    interface Backfill {

        /**
         * The zone of the times in Master.csv. cdr_csv writes the PBX's local time unless cdr.conf has
         * {@code usegmtime=yes}, as the reference telephony-config/cdr.conf does: hence UTC. queue_log is not
         * concerned (epoch seconds).
         */
        @WithDefault("UTC")
        ZoneId cdrZone();

        /** The largest file accepted in one request, in bytes; a larger one is refused with 413. */
        @WithDefault("20971520")
        int maxBytes();
    }
}
