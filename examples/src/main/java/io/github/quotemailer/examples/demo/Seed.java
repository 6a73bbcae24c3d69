package io.github.quotemailer.examples.demo;

import io.github.quotemailer.examples.demo.CrmStore.CrmCustomer;
import io.github.quotemailer.examples.demo.CrmStore.CrmDeal;
import io.github.quotemailer.examples.demo.CrmStore.CrmLine;
import io.github.quotemailer.examples.demo.CrmStore.CrmUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The demo's first-start data, in the spirit of the system it replaces: an air-conditioning company
 * whose salespeople send quotes. Example domains only.
 */
final class Seed {
  /** A demo sign-in and its mailbox on the embedded mail server. */
  record Person(String id, String name, String email, Role role, String phone) {}

  /** Everyone who can sign in. Juan has his own mailbox set up; María has none. */
  static final List<Person> PEOPLE =
      List.of(
          new Person("admin", "Sofía Ramírez", "sofia.ramirez@inair.example", Role.ADMIN, null),
          new Person(
              "juan", "Juan Pérez", "juan.perez@inair.example", Role.SALES, "+52 81 5555 0111"),
          new Person(
              "maria", "María López", "maria.lopez@inair.example", Role.SALES, "+52 81 5555 0112"),
          new Person(
              "carlos", "Carlos Ortega", "carlos.ortega@inair.example", Role.SALES_MANAGER, null),
          new Person("ana", "Ana Torres", "ana.torres@inair.example", Role.QUOTER, null),
          new Person(
              "roberto", "Roberto Díaz", "roberto.diaz@inair.example", Role.ACCOUNTANT, null),
          new Person(
              "luis", "Luis Hernández", "luis.hernandez@inair.example", Role.TECHNICIAN, null),
          new Person("elena", "Elena Moreno", "elena.moreno@inair.example", Role.DIRECTOR, null));

  private Seed() {}

  static void load(CrmService service, Map<String, String> mailboxPasswords) {
    // BCrypt is slow on purpose; hash the eight demo passwords on both cores.
    IntStream.range(0, PEOPLE.size())
        .parallel()
        .forEach(
            i -> {
              Person p = PEOPLE.get(i);
              service.createUser(
                  new CrmUser(p.id(), p.name(), p.email(), p.role(), p.phone()),
                  CrmDemo.DEMO_PASSWORD);
            });
    CrmStore crm = service.store();
    crm.insertCustomer(
        new CrmCustomer(
            1,
            "Lic. Patricia Garza",
            "Hospital San José del Norte",
            "compras@hsjn.example",
            "HSJ850101AB1",
            "Av. Morones Prieto 3000, Monterrey, N.L.",
            "es-MX"));
    crm.insertCustomer(
        new CrmCustomer(
            2,
            "Ing. Ricardo Salinas",
            "Hotel Costa Azul",
            "mantenimiento@costaazul.example",
            "HCA900505CD2",
            "Blvd. Costero 45, Mazatlán, Sin.",
            "es-MX"));
    crm.insertCustomer(
        new CrmCustomer(
            3,
            "Dana Whitfield",
            "Northwind Data Centers",
            "facilities@northwind.example",
            null,
            "1200 Industrial Pkwy, Laredo, TX",
            "en-US"));
    crm.insertCustomer(
        new CrmCustomer(
            4,
            "C.P. Miguel Ángel Ruiz",
            "Plaza Comercial Del Valle",
            "administracion@plazadelvalle.example",
            "PCV070707EF3",
            "Calzada del Valle 400, San Pedro Garza García, N.L.",
            "es-MX"));

    deal(
        crm,
        1,
        "Clima quirófanos, torre B",
        1,
        "juan",
        Stage.QUOTING,
        "COT-2026-0141",
        line("Minisplit inverter 24,000 BTU", "6", "pza", "18450.00"),
        line("Instalación y puesta en marcha", "6", "servicio", "3200.00"),
        line("Filtro HEPA para quirófano", "12", "pza", "2150.50"));
    deal(
        crm,
        2,
        "Mantenimiento anual, lobby y salones",
        2,
        "juan",
        Stage.QUALIFIED,
        "COT-2026-0142",
        line("Mantenimiento preventivo trimestral", "4", "visita", "9800.00"),
        line("Refrigerante R-410A", "20", "kg", "450.00"));
    deal(
        crm,
        3,
        "Chiller para sala de juntas",
        4,
        "maria",
        Stage.QUOTING,
        "COT-2026-0143",
        line("Chiller enfriado por aire 10 TR", "1", "equipo", "285000.00"),
        line("Tubería y aislamiento", "1", "lote", "42500.00"));
    deal(
        crm,
        4,
        "Precision cooling, hall 2",
        3,
        "carlos",
        Stage.QUOTING,
        "COT-2026-0144",
        line("Precision air conditioner 30 kW", "2", "unit", "312000.00"),
        line("Commissioning", "1", "service", "25000.00"));
    deal(
        crm,
        5,
        "Ductos estacionamiento",
        4,
        "maria",
        Stage.NEW,
        "COT-2026-0145",
        line("Extractor de aire 5 HP", "3", "pza", "38900.00"));
    deal(
        crm,
        6,
        "Clima habitaciones piso 3",
        2,
        "juan",
        Stage.NEGOTIATION,
        "COT-2026-0146",
        line("Fan & coil 1.5 TR", "24", "pza", "14300.00"),
        line("Termostato digital", "24", "pza", "1250.00"));
    deal(
        crm,
        7,
        "Cuarto de servidores, urgencias",
        1,
        "carlos",
        Stage.WON,
        "COT-2026-0147",
        line("Minisplit 12,000 BTU (respaldo)", "2", "pza", "11900.00"));
    deal(
        crm,
        8,
        "Torre de enfriamiento",
        4,
        "juan",
        Stage.LOST,
        "COT-2026-0148",
        line("Torre de enfriamiento 50 TR", "1", "equipo", "198000.00"));
    // Ana (quoter) owns one deal: its quote goes out once an admin lets quoters send.
    deal(
        crm,
        9,
        "Refacciones para chiller",
        2,
        "ana",
        Stage.QUOTING,
        "COT-2026-0149",
        line("Compresor scroll 10 TR", "1", "pza", "64500.00"),
        line("Kit de empaques y filtros", "2", "kit", "3850.00"));

    // Juan already has his own mailbox, set up and verified by a real login.
    Person juan = PEOPLE.get(1);
    service.saveSmtp(
        juan.id(),
        new SmtpForm(
            juan.email(),
            juan.name(),
            "",
            ServerPreset.DEMO_SMTPS,
            "",
            "",
            "",
            mailboxPasswords.get(juan.email()),
            "",
            true));
    service.testSmtp(juan.id());
    crm.markSeeded();
  }

  private static void deal(
      CrmStore crm,
      int id,
      String title,
      int customer,
      String owner,
      Stage stage,
      String number,
      CrmLine... lines) {
    crm.insertDeal(new CrmDeal(id, title, customer, owner, stage, number, 1), List.of(lines));
  }

  private static CrmLine line(String description, String quantity, String unit, String price) {
    return new CrmLine(description, new BigDecimal(quantity), unit, new BigDecimal(price));
  }
}
