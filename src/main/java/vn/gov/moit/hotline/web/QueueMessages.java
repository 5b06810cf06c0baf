package vn.gov.moit.hotline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The queue's words, {@code queue:} in the templates (the console's presence control, the board's operators
 * and their statistics): {@code messages/queue_vi.properties} and {@code queue_en.properties}. A bundle of its
 * own: one bundle of more than about 260 messages makes Qute generate a class the JVM refuses (VerifyError).
 */
@MessageBundle(value = "queue", locale = "vi")
interface QueueMessages {
    @Message
    String presence_title();
    @Message
    String presence_login();
    @Message
    String presence_logout();
    @Message
    String presence_pause();
    @Message
    String presence_resume();
    @Message
    String presence_reason();
    @Message
    String callback_due();
    @Message
    String board_operators();
    @Message
    String board_operator_state();
    @Message
    String board_in_state();
    @Message
    String board_rings_missed();
    @Message
    String stats_title();
    @Message
    String stats_period();
    @Message
    String stats_by();
    @Message
    String stats_by_day();
    @Message
    String stats_by_month();
    @Message
    String stats_answered();
    @Message
    String stats_avg_handle();
    @Message
    String stats_longest();
    @Message
    String stats_pause();
    @Message
    String stats_rings();
    @Message
    String stats_logged_in();
    @Message
    String stats_show();
    @Message
    String stats_empty();
    @Message
    String board_live();
    @Message
    String stats_from();
    @Message
    String stats_to();
}
