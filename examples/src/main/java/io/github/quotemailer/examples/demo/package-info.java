/**
 * <b>A guide for host developers:</b> the browser demo is a small CRM wired to QuoteMailer only
 * through the library's public API, the way a host application would do it. Read it in this order:
 *
 * <ol>
 *   <li>{@link io.github.quotemailer.examples.demo.CrmDemo#start CrmDemo.start}: one database for
 *       the host's tables and QuoteMailer's ({@code JdbcStores.migrate()}), one {@code QuoteMailer}
 *       built at start-up and shared, one delivery worker, stopped in reverse order.
 *   <li>{@code CrmService}: the calls a host makes from its screens. An admin saves a user's
 *       mailbox with {@code userSettings().save(draft, password)} and checks it with {@code
 *       verify(settings)}; moving a deal to "Cotización Enviada" changes the stage and calls {@code
 *       enqueue(email, connection)} in the same database transaction; the board and the delivery
 *       log read {@code outbox().find(id)} and {@code deliveryLog().byQuote(...)}.
 *   <li>{@code WebApp}: the web layer (Javalin and jte templates), with sign-in, CSRF tokens,
 *       security headers, and admin pages for the admin role only. Nothing it renders ever holds a
 *       stored SMTP password or token: the password field is write-only.
 * </ol>
 *
 * <p>{@link io.github.quotemailer.examples.demo.DemoMailServer} stands in for the salespeople's
 * mail provider: a GreenMail server behind implicit-TLS and STARTTLS ports on loopback. The demo's
 * own tables ({@code crm_*}) stand for the tables a host already has.
 */
package io.github.quotemailer.examples.demo;
