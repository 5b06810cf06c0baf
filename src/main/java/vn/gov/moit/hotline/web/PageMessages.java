package vn.gov.moit.hotline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import vn.gov.moit.hotline.tickets.CallerType;
import vn.gov.moit.hotline.tickets.Priority;
import vn.gov.moit.hotline.tickets.TicketAction;
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
    @Message
    String error_no_page_text();
    @Message
    String error_bad_input_title();
    @Message
    String error_bad_input_text();
    @Message
    String error_other_title();
    @Message
    String error_other_text();
    @Message
    String problem_invalid_input();
    @Message
    String problem_not_found();
    @Message
    String problem_forbidden();
    @Message
    String problem_stale_version();
    @Message
    String problem_callback_closed();
    @Message
    String problem_illegal_transition();
    @Message
    String problem_has_duplicates();
    @Message
    String problem_already_raised();
    @Message
    String problem_build_in_progress();
    @Message
    String problem_retention_in_progress();
    @Message
    String problem_user_exists();
    @Message
    String problem_last_administrator();
    @Message
    String problem_extension_taken();
    @Message
    String problem_unauthenticated();
    @Message
    String problem_too_many_logins();
    @Message
    String problem_internal();
    @Message
    String problem_other();
    @Message
    String problem_offline();
    @Message
    String draft_restored();
    @Message
    String draft_form_gone(String text);
    @Message
    String changes_title();
    @Message
    String change_line(String field, String before, String after);
    @Message
    String call_new_announce(String caller);
    @Message
    String call_open_ticket(String ref);
    @Message
    String system_actor();
    @Message
    String system_note_hotline_call();
    @Message
    String system_note_caller_left_the_queue();
    @Message
    String system_note_hung_up_before_reaching_the_queue();
    @Message
    String system_note_connection_to_asterisk_lost_while_the_call_was_in_progress();
    @Message
    String system_note_left_the_queue_without_an_answer();
    @Message
    String history_action(TicketAction action);
    @Message
    String page_prev();
    @Message
    String page_next();
    @Message
    String export_csv();
    @Message
    String list_total(String from, String to, String total);
    @Message
    String created_from();
    @Message
    String created_to();
    @Message
    String tab_callbacks();
    @Message
    String tab_to_close();
    @Message
    String tab_search();
    @Message
    String to_close_hint();
    @Message
    String to_close_empty();
    @Message
    String work_lists();
    @Message
    String shortcuts_title();
    @Message
    String shortcut_new();
    @Message
    String shortcut_triage();
    @Message
    String shortcut_call();
    @Message
    String shortcut_callbacks();
    @Message
    String shortcut_to_close();
    @Message
    String shortcut_search();
    @Message
    String answered_at();
    @Message
    String leader_desk_title();
    @Message
    String desk_tickets();
    @Message
    String desk_tickets_hint();
    @Message
    String leader_tickets();
    @Message
    String leader_tickets_hint();
    @Message
    String board_tickets();
    @Message
    String calls_title();
    @Message
    String nav_calls();
    @Message
    String calls_empty();
    @Message
    String arrived_from();
    @Message
    String arrived_at();
    @Message
    String talk_time();
    @Message
    String province_find();
    @Message
    String merge_into(String ref);
    @Message
    String done_merge(String ref, String into);
    @Message
    String admin_title();
    @Message
    String nav_admin();
    @Message
    String admin_users();
    @Message
    String admin_departments();
    @Message
    String admin_routes();
    @Message
    String admin_user_new();
    @Message
    String admin_user_edit(String user);
    @Message
    String admin_save();
    @Message
    String admin_delete();
    @Message
    String admin_edit();
    @Message
    String admin_password_hint();
    @Message
    String admin_users_total(String total);
    @Message
    String admin_saved_user(String user);
    @Message
    String admin_deleted_user(String user);
    @Message
    String admin_confirm_delete(String user);
    @Message
    String admin_department_edit();
    @Message
    String admin_saved_department(String code);
    @Message
    String admin_active();
    @Message
    String yes();
    @Message
    String no();
    @Message
    String admin_routes_hint();
    @Message
    String admin_saved_route(String field, String department);
    @Message
    String display_name();
    @Message
    String role();
    @Message
    String extension();
    @Message
    String code();
    @Message
    String name_vi();
    @Message
    String name_en();
    @Message
    String role_operator();
    @Message
    String role_officer();
    @Message
    String role_supervisor();
    @Message
    String role_leader();
    @Message
    String role_admin();
    @Message
    String case_calls();
    @Message
    String call_line(String at, String state, String operator, String wait, String talk);
}
