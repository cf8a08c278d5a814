// Hunt: did an address from a threat report talk to any of our EC2 instances in the last year?
// Needs the session of startup.jsh (graph, now). The report is pasted as it came, in ThreatIntelList's format: an
// address or CIDR network a line, then why it is listed; lines starting with # are comments.

String threatReport = """
    # TR-2026-311: infrastructure of cryptocurrency-mining campaigns against cloud accounts
    104.16.1.42        Bitcoin node contacted by coin miners
    203.0.113.0/24     Monero mining pool proxies
    198.51.100.23      stratum relay, port 3333
    """;
ThreatIntelList report = ThreatIntelList.parse(new java.io.StringReader(threatReport), "TR-2026-311");

// Every instance contact of the last year, over the whole address space, kept where the report lists the peer:
// one pass over the graph however long the report is, and a CIDR in the report matches every address in it.
List<InstanceContact> contactsListedIn(ThreatIntel intel, Duration period) {
    return Stream.of("0.0.0.0/0", "::/0")
            .flatMap(all -> graph.hunt().instancesTalkingTo(all, period).stream())
            .filter(contact -> intel.lookup(contact.ipAddress().id()).isPresent())
            .toList();
}
List<InstanceContact> reported = contactsListedIn(report, Duration.ofDays(365));

TextTable reportedTable = TextTable.of("instance", "address", "listed as", "bytes to instance",
        "bytes from instance", "active hours", "first seen", "last seen");
for (InstanceContact c : reported) {
    reportedTable.row(c.instance().id(), c.ipAddress().id(), report.lookup(c.ipAddress().id()).orElseThrow().reason(),
            c.bytesToInstance(), c.bytesFromInstance(), c.activeHours(), c.firstObserved(), c.lastObserved());
}
System.out.println("\n== Instances that talked to an address of threat report TR-2026-311 (" + report.size()
        + " entries) in the year before " + now);
System.out.println(reported.isEmpty() ? "none" : reportedTable);
