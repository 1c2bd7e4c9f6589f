package com.grow.payments.sandbox;

/** The standalone sandbox's command line ({@link TossSandbox#main}), read into a configuration. */
final class SandboxCommandLine {

    private SandboxCommandLine() {
    }

    /** The command line as a configuration; IllegalArgumentException names the argument it cannot take. */
    static SandboxConfig.Builder parse(String... args) {
        SandboxConfig.Builder builder = SandboxConfig.builder().port(8090);
        SettlementTerms terms = SettlementTerms.DEFAULT;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            try {
                switch (name) {
                    case "--port" -> builder.port(Integer.parseInt(value));
                    case "--host" -> builder.host(value);
                    case "--secret-key" -> builder.secretKey(value);
                    case "--mid" -> builder.mid(value);
                    case "--merchant" -> {
                        int colon = value.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--merchant takes <mId>:<secretKey>");
                        }
                        builder.merchant(value.substring(0, colon), value.substring(colon + 1));
                    }
                    case "--webhook-url" -> builder.webhookUrl(value);
                    case "--card-fee-bps" -> terms = new SettlementTerms(Long.parseLong(value),
                            terms.virtualAccountFee(), terms.payoutDelayDays());
                    case "--virtual-account-fee" -> terms = new SettlementTerms(terms.cardFeeBasisPoints(),
                            Long.parseLong(value), terms.payoutDelayDays());
                    case "--payout-delay-days" -> terms = new SettlementTerms(terms.cardFeeBasisPoints(),
                            terms.virtualAccountFee(), Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown argument " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a number");
            }
        }
        return builder.settlementTerms(terms);
    }
}
