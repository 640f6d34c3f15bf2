// A map of partners (the partner list, a project's partners): GeoJSON markers from the portal on
// a base map the portal ships itself (countries and coastlines of Natural Earth, TopoJSON), or on
// tiles when a tile server is configured. No request leaves the portal's origin without tiles.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || !window.L) { return; }
  var map = L.map(element, { attributionControl: true }).setView([56.5, 11.5], 5);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution || '' }).addTo(map);
  } else if (window.topojson) {
    map.createPane('base');
    map.getPane('base').style.zIndex = 200;
    map.attributionControl.addAttribution('Natural Earth');
    fetch('/vendor/world-atlas/countries-50m.json', { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (world) {
        if (!world) { return; }
        L.geoJSON(topojson.feature(world, world.objects.countries), {
          pane: 'base',
          interactive: false,
          style: { color: '#8a98a3', weight: 0.8, fillColor: '#f1f3ec', fillOpacity: 1 }
        }).addTo(map);
        element.dataset.base = 'drawn';
      });
  }
  fetch(element.dataset.geojson, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) { return; }
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 7, weight: 2, color: '#0b4f6c', fillColor: '#2a9d8f', fillOpacity: 0.9 });
        },
        onEachFeature: function (feature, marker) {
          var p = feature.properties || {};
          var link = document.createElement('a');
          link.href = '/partners/' + (p.id || feature.id || '');
          link.textContent = p.name || '';
          marker.bindPopup(link);
          // Without map tiles the names are what makes the dots readable.
          var label = document.createElement('span');
          label.textContent = p.name || '';
          marker.bindTooltip(label, { permanent: !element.dataset.tiles, direction: 'right', offset: [8, 0] });
        }
      }).addTo(map);
      element.dataset.markers = String(layer.getLayers().length);
      if (layer.getLayers().length > 0) { map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 8 }); }
    });
})();
