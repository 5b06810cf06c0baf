// The ticket's own page: opens the ticket named by the page (no inline script, so the page's CSP allows it).
TicketPanel.open(Number(document.getElementById('ticket-page').dataset.ticketId));
