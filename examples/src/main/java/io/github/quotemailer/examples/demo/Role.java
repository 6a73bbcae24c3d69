package io.github.quotemailer.examples.demo;

/**
 * The CRM's roles, as in the system the demo replaces. Whether a role may send quotes is stored in
 * {@code crm_role} and changed on the Users page; the defaults follow the old system's advice.
 */
public enum Role {
  /** Manages users and their outgoing mail; owns no deals in the demo's data. */
  ADMIN(false),
  /** A salesperson: sends quotes. */
  SALES(true),
  /** The sales manager: sends quotes. */
  SALES_MANAGER(true),
  /** Prepares quotes; may send them where the company wants it (off by default). */
  QUOTER(false),
  /** The accountant; may send once invoices are added (off by default). */
  ACCOUNTANT(false),
  /** Field technician: uses reports, sends no quotes. */
  TECHNICIAN(false),
  /** The director: uses the system, sends no quotes. */
  DIRECTOR(false);

  private final boolean sendsByDefault;

  Role(boolean sendsByDefault) {
    this.sendsByDefault = sendsByDefault;
  }

  /** Whether the role may send quotes before an admin changes it. */
  public boolean sendsByDefault() {
    return sendsByDefault;
  }

  /** Whether the role may edit any deal's quote (not only its own deals'). */
  public boolean editsAnyQuote() {
    return this == ADMIN || this == SALES_MANAGER || this == QUOTER;
  }

  /** The message key of the role's name. */
  public String key() {
    return "role." + name();
  }
}
