/// Splits a payment over a client's open invoices.
///
/// The rule (product.md): the invoice the client named first; otherwise the oldest open
/// invoice first (by due date, then issue date, then number). What is left is kept as a
/// client credit, never lost. Disputed invoices are skipped by the oldest-first rule (a
/// client paying "on account" is not settling a contested bill) but can be paid by name.
public enum Allocator {
    /// The outcome of allocating one payment.
    public struct Result: Equatable, Sendable {
        public var allocations: [Allocation]
        /// The part of the payment left over: a credit for the client.
        public var credit: Money
    }

    /// - Parameters:
    ///   - amount: the payment, strictly positive.
    ///   - named: the invoice the payment names, if any; only that invoice is paid and any
    ///     excess stays as credit, so that a payment is never spread where the client did not say.
    ///   - openInvoices: the client's invoices; settled ones are ignored.
    public static func allocate(_ amount: Money, named: Int64? = nil, openInvoices: [Invoice]) -> Result {
        precondition(amount.isPositive, "a payment is strictly positive")
        var remaining = amount
        var allocations: [Allocation] = []
        let candidates: [Invoice]
        if let named {
            candidates = openInvoices.filter { $0.id == named && !$0.isSettled }
        } else {
            candidates =
                openInvoices
                .filter { !$0.isSettled && !$0.disputed }
                .sorted { ($0.dueDay, $0.issueDay, $0.number) < ($1.dueDay, $1.issueDay, $1.number) }
        }
        for invoice in candidates where remaining.isPositive {
            guard let id = invoice.id else { continue }
            let part = Money.min(remaining, invoice.outstanding)
            allocations.append(Allocation(invoiceID: id, amount: part))
            remaining -= part
        }
        return Result(allocations: allocations, credit: remaining)
    }
}
