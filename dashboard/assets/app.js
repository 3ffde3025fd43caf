// Clientside callbacks: keep the address bar in step with the page's filters, without a
// reload and without a history entry per click (replaceState), so a link reproduces the view.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  sinosoviet: {
    writeQuery: function (query) {
      if (typeof query !== "string") {
        return window.dash_clientside.no_update;
      }
      var target = window.location.pathname + query + window.location.hash;
      if (target !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", target);
      }
      return query;
    },
  },
});
