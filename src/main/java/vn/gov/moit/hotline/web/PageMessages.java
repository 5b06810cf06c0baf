package vn.gov.moit.hotline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import vn.gov.moit.hotline.tickets.CallerType;
import vn.gov.moit.hotline.tickets.Priority;
import vn.gov.moit.hotline.tickets.TicketSource;
import vn.gov.moit.hotline.tickets.TicketStatus;

/**
 * The work pages' words, {@code page:} in the templates: Vietnamese in {@code messages/page_vi.properties},
 * English in {@code messages/page_en.properties}. Qute checks at build time that every key a template uses is
 * declared here and given in both files, with the parameters its text names. The pages' scripts get the same
 * files as JSON ({@link PageTexts}), so a word is written once for both.
 */
@MessageBundle(value = "page", locale = "vi")
interface PageMessages {

    @Message
    String app_name();
    @Message
    String skip_to_content();
    @Message
    String nav_label();
    @Message
    String nav_console();
    @Message
    String nav_desk();
    @Message
    String nav_board();
    @Message
    String nav_reports();
    @Message
    String lang_switch();
    @Message
    String logout();
    @Message
    String login_title();
    @Message
    String username();
    @Message
    String password();
    @Message
    String login_submit();
    @Message
    String login_throttled();
    @Message
    String login_throttled_seconds();
    @Message
    String login_failed();
    @Message
    String logged_out();
    @Message
    String error_not_found_title();
    @Message
    String error_not_found_text();
    @Message
    String error_home();
    @Message
    String console_title();
    @Message
    String console_no_ticket();
    @Message
    String call_current();
    @Message
    String call_none();
    @Message
    String call_unavailable();
    @Message
    String call_state();
    @Message
    String call_wait();
    @Message
    String new_ticket_title();
    @Message
    String new_ticket_save();
    @Message
    String callbacks_title();
    @Message
    String callbacks_empty();
    @Message
    String callback_reached_short();
    @Message
    String search_title();
    @Message
    String search_words();
    @Message
    String search_submit();
    @Message
    String search_empty();
    @Message
    String any();
    @Message
    String open();
    @Message
    String desk_title();
    @Message
    String desk_queue();
    @Message
    String desk_raised();
    @Message
    String desk_hint();
    @Message
    String desk_empty();
    @Message
    String desk_no_ticket();
    @Message
    String board_title();
    @Message
    String board_refresh();
    @Message
    String board_updated(String time);
    @Message
    String board_calls();
    @Message
    String board_waiting();
    @Message
    String board_talking();
    @Message
    String board_answered_today();
    @Message
    String board_abandoned_today();
    @Message
    String board_missed_today();
    @Message
    String board_service_level();
    @Message
    String board_tickets_today();
    @Message
    String board_in_progress();
    @Message
    String board_no_calls();
    @Message
    String board_breached();
    @Message
    String board_due_soon();
    @Message
    String board_today_tickets();
    @Message
    String board_none();
    @Message
    String ticket();
    @Message
    String ticket_page_link();
    @Message
    String caller();
    @Message
    String caller_name();
    @Message
    String caller_number();
    @Message
    String caller_withheld();
    @Message
    String caller_type();
    @Message
    String source();
    @Message
    String department();
    @Message
    String deadline();
    @Message
    String resolution();
    @Message
    String status();
    @Message
    String priority();
    @Message
    String field();
    @Message
    String province();
    @Message
    String commune();
    @Message
    String summary();
    @Message
    String description();
    @Message
    String note();
    @Message
    String reason();
    @Message
    String answer();
    @Message
    String operator();
    @Message
    String created();
    @Message
    String history();

    @Message
    String case_assignments();

    @Message
    String assignment_line(String department, String at, String by);

    @Message
    String assignment_note(String note);

    @Message
    String assignment_answer(String at, String by, String answer);

    @Message
    String assignment_raised(String at, String reason);
    @Message
    String actions();
    @Message
    String choose();
    @Message
    String repeat_caller();
    @Message
    String repeat_caller_short();
    @Message
    String time_left();
    @Message
    String time_left_value(String d);
    @Message
    String breached();
    @Message
    String breached_ago(String d);
    @Message
    String raised();
    @Message
    String escalation_state();
    @Message
    String unit_days();
    @Message
    String unit_hours();
    @Message
    String unit_minutes();
    @Message
    String fix_fields();
    @Message
    String failed();
    @Message
    String suggested_department(String d);
    @Message
    String no_suggestion();
    @Message
    String triage_title();
    @Message
    String triage_save();
    @Message
    String resolve_title();
    @Message
    String resolve_save();
    @Message
    String escalate_title();
    @Message
    String escalate_save();
    @Message
    String callback_title();
    @Message
    String callback_reached();
    @Message
    String callback_not_reached();
    @Message
    String close_title();
    @Message
    String close_save();
    @Message
    String reopen_title();
    @Message
    String reopen_save();
    @Message
    String accept_title();
    @Message
    String accept_save();
    @Message
    String answer_title();
    @Message
    String answer_save();
    @Message
    String forward_title();
    @Message
    String forward_save();
    @Message
    String raise_title();
    @Message
    String raise_save();
    @Message
    String done_triage(String ref);
    @Message
    String done_resolve_on_call(String ref);
    @Message
    String done_escalate(String ref);
    @Message
    String done_called_back(String ref);
    @Message
    String done_close(String ref);
    @Message
    String done_reopen(String ref);
    @Message
    String done_accept(String ref);
    @Message
    String done_answer(String ref);
    @Message
    String done_forward(String ref);
    @Message
    String done_raise(String ref);
    /** The label of a TicketStatus: {@code status_label_$<constant>} in the files. */
    @Message
    String status_label(TicketStatus status);
    /** The label of a TicketSource: {@code source_label_$<constant>} in the files. */
    @Message
    String source_label(TicketSource source);
    /**
     * The label of a Priority: {@code priority_label_<constant>} in the files (Qute puts the "$" after the "_"
     * only for an enum whose constants hold a "_").
     */
    @Message
    String priority_label(Priority priority);
    /** The label of a CallerType: {@code caller_type_label_$<constant>} in the files. */
    @Message
    String caller_type_label(CallerType callerType);
    @Message
    String escalation_state_OPEN();
    @Message
    String escalation_state_ACCEPTED();
    @Message
    String escalation_state_ANSWERED();
    @Message
    String escalation_state_FORWARDED();
    @Message
    String call_state_ARRIVED();
    @Message
    String call_state_QUEUED();
    @Message
    String call_state_ANSWERED();
    @Message
    String call_state_COMPLETED();
    @Message
    String call_state_ABANDONED();
    @Message
    String call_state_MISSED();
    @Message
    String call_state_OUTCOME_UNKNOWN();
}
