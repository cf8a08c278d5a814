// Hunt: every call made with a suspicious user agent, in all the data the graph holds.
// Needs the session of startup.jsh (graph). Suspicious here: penetration-testing distributions and attack tools
// (what GuardDuty's PenTest findings look for), and AWS CLI v1 builds older than 1.17 (2019), which nobody in this
// account runs: an old CLI on a long-term access key is a classic sign of a stolen key.

Pattern suspiciousAgents = Pattern.compile(
        "(?i)kali|parrot|pentoo|stratus-red-team|pacu|aws-cli/1\\.(?:[0-9]|1[0-6])\\.");
UserAgentHunt agentHunt = graph.hunt().userAgents(suspiciousAgents);

System.out.println("\n== Calls made with a suspicious user agent (" + suspiciousAgents.pattern() + ")");
System.out.println(agentHunt);
