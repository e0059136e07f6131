import Testing
@testable import PlanCatalog

/// Monetary credits (PREVIEW.md § 2, step 4), currencies with 0 and 3 decimals, quotes and trials.
@Suite struct PreviewMonetaryCreditTests {
    static let catalog = """
        currency USD
        plan plan_pro {
          name "Pro"
          price monthly { interval month; component base { fixed 19.99 } }
          price yearly { interval year; component base { fixed 199 } }
          credit a_welcome { name "Welcome credit"; type monetary; amount 15; billing-description "Welcome!" }
          credit b_referral { name "Referral"; type monetary; amount 10; expires-after-days 30 }
          credit c_euro { name "Euro credit"; type monetary; amount 5; currency EUR }
          credit d_monthly { name "Monthly allowance"; type monetary; amount 1; renew monthly }
        }
        plan plan_trial {
          name "Pro trial"
          trial-of plan_pro
          trial-days 14
        }
        quote acme {
          plan plan_pro
          customer "Acme"
          price acme_monthly { interval month; component base { fixed 9.5 } }
        }
        """

    @Test("monetary credits apply in order to what is still due; the total never goes below 0")
    func creditLargerThanSubtotal() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("monthly")
        #expect(invoice.lines.map(\.kind) == [.fixed, .monetaryCredit, .monetaryCredit, .monetaryCredit])
        #expect(invoice.lines.map(\.creditID) == [nil, "a_welcome", "b_referral", "d_monthly"])
        #expect(invoice.amounts == ["19.99", "-15", "-4.99", "0"])
        #expect(invoice.lines[1].description == "Welcome!" && invoice.lines[2].description == "Referral")
        #expect(invoice.subtotalMinor == 1999 && invoice.creditsMinor == -1999 && invoice.totalMinor == 0)
    }

    @Test("a credit in another currency adds a note, not a line; an expiring credit adds a note")
    func notes() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("monthly")
        #expect(invoice.notes == [.expiryNotModelled(creditID: "b_referral", days: 30),
                                  .creditInOtherCurrency(creditID: "c_euro", currency: "EUR"), .taxesNotIncluded])
        #expect(!invoice.lines.contains { $0.creditID == "c_euro" })
        #expect(invoice.notes.map(\.message) == [
            "credit b_referral expires 30 days after it is granted; the preview does not model expiry",
            "credit c_euro is in EUR, not the price's currency: it adds no line",
            "taxes are not included",
        ])
    }

    @Test("a monetary credit's renewals inside the period add to its balance (not multiplied by seats)")
    func monetaryRenewals() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("yearly", start: "2026-01-15")
        #expect(invoice.amounts == ["199", "-15", "-10", "-12"], "1 + 11 monthly refills")
        #expect(invoice.totalMinor == 16200)
    }

    @Test("a quote's price is the quote's plan's, with that plan's monetary credits")
    func quotePrice() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("acme_monthly")
        #expect(invoice.planID == "plan_pro")
        #expect(invoice.amounts == ["9.5", "-9.5", "0", "0"])
    }

    @Test("JPY has no minor unit: amounts are whole yen, sub-yen unit prices round half away from zero")
    func yen() throws {
        let catalog = try PreviewCatalog("""
            currency JPY
            metric calls { name "Calls" }
            feature calls { name "Calls"; type usage; metric calls }
            plan plan_jp {
              name "Japan"
              features { calls }
              price monthly {
                interval month
                component base { fixed 1000 }
                component seats { per-seat 300 }
                component calls { usage calls; unit-price 0.5 }
              }
              credit welcome { name "Welcome"; type monetary; amount 500 }
            }
            """)
        let invoice = try catalog.invoice("monthly", start: "2026-03-01", seats: 2, changes: [(3, "2026-03-17")],
                                          usage: [("calls", "3")])
        #expect(invoice.minorUnitExponent == 0 && invoice.currency == "JPY")
        #expect(invoice.amounts == ["1000", "600", "145", "2", "-500"], "300 × 15/31 = 145.16…; 3 × 0.5 = 1.5 → 2")
        #expect(invoice.lines.map(\.amountMinor) == [1000, 600, 145, 2, -500])
        #expect(invoice.total.description == "1247")
    }

    @Test("KWD has three decimals: fils are the minor unit")
    func kuwaitiDinar() throws {
        let catalog = try PreviewCatalog("""
            currency KWD
            metric calls { name "Calls" }
            feature calls { name "Calls"; type usage; metric calls }
            plan plan_kw {
              name "Kuwait"
              features { calls }
              price monthly {
                interval month
                component base { fixed 1.25 }
                component seats { per-seat 0.125 }
                component calls { usage calls; unit-price 0.0005 }
              }
            }
            """)
        let invoice = try catalog.invoice("monthly", seats: 3, usage: [("calls", "3")])
        #expect(invoice.minorUnitExponent == 3)
        #expect(invoice.lines.map(\.amountMinor) == [1250, 375, 2], "3 × 0.0005 = 0.0015 → 0.002")
        #expect(invoice.amounts == ["1.25", "0.375", "0.002"])
        #expect(invoice.lines[2].unitAmount?.description == "0.0005")
        #expect(invoice.subtotal.description == "1.627")
    }

    @Test("a trial plan's price previews its zeros")
    func trial() throws {
        let catalog = try PreviewCatalog("""
            currency USD
            plan plan_pro { name "Pro"; price monthly { interval month; component base { fixed 29 } } }
            plan plan_trial {
              name "Pro trial"
              trial-of plan_pro
              trial-days 14
              price trial_monthly { interval month; component base { fixed 0 } }
            }
            """)
        let invoice = try catalog.invoice("trial_monthly", start: "2026-03-01")
        #expect(invoice.planID == "plan_trial")
        #expect(invoice.amounts == ["0"] && invoice.totalMinor == 0)
    }

    @Test("major units from minor units are exact, whatever the currency's decimals")
    func majorUnits() {
        #expect(ExactDecimal(minorUnits: 15293, minorUnitExponent: 2).description == "152.93")
        #expect(ExactDecimal(minorUnits: -2500, minorUnitExponent: 2).description == "-25")
        #expect(ExactDecimal(minorUnits: 7, minorUnitExponent: 2).description == "0.07")
        #expect(ExactDecimal(minorUnits: 500, minorUnitExponent: 0).description == "500")
        #expect(ExactDecimal(minorUnits: 1627, minorUnitExponent: 3).description == "1.627")
        #expect(ExactDecimal(minorUnits: Int(PreviewLimits.largestAmount), minorUnitExponent: 2).description
                == "90071992547409.91")
        #expect(ExactDecimal(minorUnits: Int.min, minorUnitExponent: 2).description == "-92233720368547758.08")
    }
}
