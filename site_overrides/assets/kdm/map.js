var map_kdm = L.map(
                "map_kdm",
                {
                    center: [38.45, 27.15],
                    crs: L.CRS.EPSG3857,
                    ...{
  "zoom": 9,
  "zoomControl": true,
  "preferCanvas": false,
}

                }
            );
            L.control.scale().addTo(map_kdm);

            

        
    
            var tile_layer_kdm = L.tileLayer(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                {
  "minZoom": 0,
  "maxZoom": 19,
  "maxNativeZoom": 19,
  "noWrap": false,
  "attribution": "\u00a9 OpenStreetMap",
  "subdomains": "abc",
  "detectRetina": false,
  "tms": false,
  "opacity": 1,
  "referrerPolicy": "strict-origin-when-cross-origin",
}

            );
        
    
            tile_layer_kdm.addTo(map_kdm);
        
    
            var marker_cluster_kdm = L.markerClusterGroup(
                {
  "showCoverageOnHover": false,
  "maxClusterRadius": 40,
}
            );
        
    
            marker_cluster_kdm.addTo(map_kdm);
