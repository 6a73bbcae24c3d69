package io.github.quotemailer.examples.demo;

import java.util.List;

/**
 * What each page template receives: plain text already formatted for the page's language. The
 * templates (under {@code src/main/jte}) escape every value; none of these records ever holds a
 * stored password or token.
 */
public final class Views {
  private Views() {}

  /**
   * What every page shares: texts, the signed-in user, the CSRF token for its forms, the active
   * navigation entry and a one-shot message.
   *
   * @param texts the page's language
   * @param csrf the session's CSRF token, put in every form
   * @param userName the signed-in user's name, or empty on the sign-in page
   * @param roleKey the message key of the user's role, or empty
   * @param admin whether the admin navigation is shown
   * @param active the active navigation entry
   * @param flashKind {@code ok}, {@code warn}, {@code error}, or empty for no message
   * @param flash the message
   * @param flashDetail a server's reply shown under the message, or empty
   * @param path the page's own path, for the language switch to come back to
   */
  public record Chrome(
      Texts texts,
      String csrf,
      String userName,
      String roleKey,
      boolean admin,
      String active,
      String flashKind,
      String flash,
      String flashDetail,
      String path) {
    /** The text for {@code key} in the page's language. */
    public String t(String key, Object... args) {
      return texts.get(key, args);
    }

    /** The page's language tag. */
    public String lang() {
      return texts.languageTag();
    }

    /** Whether the page is in English. */
    public boolean english() {
      return lang().startsWith("en");
    }
  }

  /** One choice of a select list. */
  public record Option(String value, String label, boolean selected) {}

  /** The sign-in page. */
  public record Login(Chrome chrome, String userId, boolean failed) {}

  /** The deals board. */
  public record Board(Chrome chrome, List<Column> columns, List<Option> stages) {}

  /** One stage of the board. */
  public record Column(String stage, String title, List<Card> cards) {}

  /**
   * One deal on the board.
   *
   * @param sendKind {@code ok}, {@code warn}, {@code error}, {@code pending}, or empty when the
   *     deal's quote was never queued
   */
  public record Card(
      int id,
      String title,
      String customer,
      String owner,
      String total,
      String quote,
      String stage,
      boolean movable,
      String sendKind,
      String sendStatus,
      String sendDetail) {}

  /** The Users page. */
  public record UserList(Chrome chrome, List<UserRow> users, List<RoleRow> roles) {}

  /** One user with where their quotes go out from. */
  public record UserRow(
      String id,
      String name,
      String email,
      String role,
      String mailboxKind,
      String mailbox,
      String mailboxDetail) {}

  /** Whether a role may send quotes. */
  public record RoleRow(String role, String label, boolean maySend) {}

  /** The add/edit user form with its "Correo saliente" section. */
  public record UserForm(
      Chrome chrome,
      boolean isNew,
      String id,
      String name,
      String email,
      String phone,
      List<Option> roles,
      boolean hasSmtp,
      boolean oauth2,
      String mailboxKind,
      String mailbox,
      String mailboxDetail,
      String smtpAddress,
      String smtpName,
      String smtpUsername,
      List<Option> presets,
      String host,
      String port,
      List<Option> securities,
      String limit,
      boolean enabled) {}

  /** The quote of a deal. */
  public record QuoteView(
      Chrome chrome,
      int dealId,
      String title,
      String customer,
      String number,
      int version,
      boolean editable,
      List<LineRow> lines,
      String total) {}

  /** One line of a quote, as typed. */
  public record LineRow(String description, String quantity, String unit, String price) {}

  /** The delivery log. */
  public record Deliveries(
      Chrome chrome, List<Option> users, List<Option> reasons, List<DeliveryRow> rows) {}

  /** One queued email and what happened to it. */
  public record DeliveryRow(
      String time,
      String deal,
      String user,
      String identity,
      String reason,
      String statusKind,
      String status,
      int attempts,
      String messageId,
      String reply) {}

  /** What the embedded mail server received. */
  public record Mailbox(Chrome chrome, List<MailRow> mails) {}

  /** One received message. */
  public record MailRow(
      String id,
      String date,
      String from,
      String replyTo,
      String to,
      String subject,
      String pdfName) {}

  /** An error page. */
  public record ErrorPage(Chrome chrome, String title, String message) {}
}
