"""Geography of the maritime context: ports, zones, shore and port distances, sea lanes."""

from sanctionwatch.maritime.geo.distance import bearing_deg, destination, haversine_km
from sanctionwatch.maritime.geo.nearest import nearest_port, nearest_port_index
from sanctionwatch.maritime.geo.ports import Port, dprk_ports, find_port, load_ports
from sanctionwatch.maritime.geo.shore import distance_to_shore_km, is_land, signed_distance_km
from sanctionwatch.maritime.geo.zones import Zone, in_zone, load_zones, zones_at

__all__ = [
    "Port",
    "Zone",
    "bearing_deg",
    "destination",
    "distance_to_shore_km",
    "dprk_ports",
    "find_port",
    "haversine_km",
    "in_zone",
    "is_land",
    "load_ports",
    "load_zones",
    "nearest_port",
    "nearest_port_index",
    "signed_distance_km",
    "zones_at",
]
